import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sha256Hex } from '../../src/engine/canonical';
import { signedContent } from '../../src/engine/signed-content';
import {
  addReviewComment,
  canInvite,
  canSignOff,
  canWrite,
  documentName,
  parseDocumentName,
  readAnswer,
  readAnswers,
  readDetails,
  readReviewComments,
  TEAM_ROLES,
  teamContentHash,
  watchAnswers,
  writeAnswers,
  writeDetails,
} from '../../src/engine/team-document';

const DETAILS = {
  questionnaireId: 'ai-act-scoping',
  questionnaireVersion: '1.2.0',
  title: 'Triage 2026',
  organisation: 'Hôpital du Nord',
  aiSystem: 'Triage assistant',
  assessor: 'A. Martin',
  revision: 1,
};

/** Two replicas that exchange every update, as the server makes them. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return { a, b };
}

describe('the team document of an assessment', () => {
  it('names documents by share, revision and part, and refuses any other name', () => {
    const name = documentName('Share_12345678', 3, 'review');
    expect(name).toBe('Share_12345678/3/review');
    expect(parseDocumentName(name)).toEqual({ shareId: 'Share_12345678', revision: 3, part: 'review' });
    for (const bad of [
      'short/1/answers',
      'Share_12345678/0/answers',
      'Share_12345678/1/other',
      'Share_12345678/1/answers/x',
      '../etc/1/answers',
    ]) {
      expect(parseDocumentName(bad)).toBeUndefined();
    }
  });

  it('gives each role what the table of docs/team-mode.md says', () => {
    const table = Object.fromEntries(
      TEAM_ROLES.map((role) => [
        role,
        [canWrite(role, 'answers'), canWrite(role, 'review'), canSignOff(role), canInvite(role)],
      ]),
    );
    expect(table).toEqual({
      owner: [true, true, true, true],
      editor: [true, true, false, false],
      reviewer: [false, true, false, false],
      validator: [false, true, true, false],
    });
  });

  it('keeps both changes when two people change the answer and the comment of one question', () => {
    const { a, b } = pair();
    writeAnswers(a, [{ questionId: 'q1', value: 'partial', updated: '2026-12-01T10:00:00.000Z' }]);
    writeAnswers(a, [{ questionId: 'q1', value: 'conform', updated: '2026-12-01T11:00:00.000Z' }]);
    writeAnswers(b, [
      { questionId: 'q1', value: 'conform', comment: 'Evidence in the DMS.', updated: '2026-12-01T11:00:00.000Z' },
    ]);
    expect(readAnswer(a, 'q1')).toMatchObject({ value: 'conform', comment: 'Evidence in the DMS.' });
    expect(readAnswers(a)).toEqual(readAnswers(b));
  });

  it('converges on one value when the same field changes on two replicas that were apart', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeAnswers(a, [{ questionId: 'q1', comment: 'From A', updated: '2026-12-01T10:00:00.000Z' }]);
    writeAnswers(b, [{ questionId: 'q1', comment: 'From B', updated: '2026-12-01T10:05:00.000Z' }]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readAnswer(a, 'q1')?.comment).toBe(readAnswer(b, 'q1')?.comment);
    expect(['From A', 'From B']).toContain(readAnswer(a, 'q1')?.comment);
  });

  it('writes only fields that differ, so an unchanged field never takes part in a merge', () => {
    const doc = new Y.Doc();
    writeAnswers(doc, [{ questionId: 'q1', value: ['a', 'b'], comment: 'x', updated: 't1' }]);
    const before = Y.encodeStateVector(doc);
    writeAnswers(doc, [{ questionId: 'q1', value: ['a', 'b'], comment: 'x', updated: 't1' }]);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    writeAnswers(doc, [{ questionId: 'q1', value: ['a', 'b'], updated: 't2' }]);
    expect(readAnswer(doc, 'q1')).toEqual({ questionId: 'q1', value: ['a', 'b'], updated: 't2' });
  });

  it('reports which questions a transaction changed, with its origin', () => {
    const doc = new Y.Doc();
    const seen: [string[], unknown][] = [];
    const stop = watchAnswers(doc, (ids, origin) => seen.push([[...ids].sort(), origin]));
    writeAnswers(doc, [{ questionId: 'q2', value: 1, updated: 't' }], 'first');
    writeAnswers(
      doc,
      [
        { questionId: 'q2', value: 2, updated: 't' },
        { questionId: 'q3', value: 3, updated: 't' },
      ],
      'second',
    );
    stop();
    writeAnswers(doc, [{ questionId: 'q4', value: 4, updated: 't' }]);
    expect(seen).toEqual([
      [['q2'], 'first'],
      [['q2', 'q3'], 'second'],
    ]);
  });

  it('hashes what a sign-off covers exactly as the single-device app does', async () => {
    const doc = new Y.Doc();
    expect(teamContentHash(doc)).toBeUndefined();
    writeDetails(doc, DETAILS);
    const answers = [
      { questionId: 'q2', value: 'conform', comment: 'ok', updated: 't' },
      { questionId: 'q1', value: ['x'], justification: 'n/a because…', updated: 't' },
    ];
    writeAnswers(doc, answers);
    expect(readDetails(doc)).toEqual(DETAILS);
    expect(await teamContentHash(doc)).toBe(await sha256Hex(signedContent({ assessment: DETAILS, answers })));
  });

  it('keeps reviewer comments per question, in time order', () => {
    const doc = new Y.Doc();
    const author = { id: 'r1', name: 'Rita' };
    addReviewComment(doc, {
      id: 'c2',
      questionId: 'q1',
      author,
      role: 'reviewer',
      at: '2026-12-02T10:00:00.000Z',
      text: 'Second',
    });
    addReviewComment(doc, {
      id: 'c1',
      questionId: 'q2',
      author,
      role: 'reviewer',
      at: '2026-12-01T10:00:00.000Z',
      text: 'First',
    });
    expect(readReviewComments(doc).map((c) => c.text)).toEqual(['First', 'Second']);
  });
});
