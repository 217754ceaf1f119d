import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewComment,
  documentName,
  readAnswer,
  readDetails,
  readReviewComments,
  teamContentHash,
  writeAnswers,
  writeDetails,
} from '../../src/engine/team-document';
import { connect, startTestServer, storedDocument, type TestServer, until } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const details = {
  questionnaireId: 'ai-act-scoping',
  questionnaireVersion: '1.0.0',
  title: 'Credit scoring',
  organisation: 'Bank',
  aiSystem: 'Scorer',
  assessor: 'Ana',
  revision: 1,
};

function post(path: string, token: string, body?: unknown) {
  return fetch(`${t.server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A share whose revision 1 has details and one answer, with the owner and a validator connected to it. */
async function filledShare() {
  const shareId = await t.share();
  const owner = await t.token(shareId, 'owner');
  const validator = await t.token(shareId, 'validator');
  const answers = connect(t.server, documentName(shareId, 1, 'answers'), owner.token);
  const review = connect(t.server, documentName(shareId, 1, 'review'), owner.token);
  await Promise.all([answers.ready, review.ready]);
  writeDetails(answers.doc, details);
  writeAnswers(answers.doc, [{ questionId: 'q1', value: 'yes', updated: '2026-12-01T10:00:00Z' }]);
  await answers.synced();
  const contentHash = (await teamContentHash(answers.doc)) as string;
  const signOff = (hash: string, revision = 1) =>
    post(`/api/shares/${shareId}/sign-off`, validator.token, {
      revision,
      contentHash: hash,
      name: 'Vera',
      role: 'Head of compliance',
      date: '2026-12-02',
      statement: 'I confirm this assessment.',
    });
  return {
    shareId,
    owner,
    validator,
    answers,
    review,
    contentHash,
    signOff,
    close() {
      answers.close();
      review.close();
    },
  };
}

describe('a team sign-off', () => {
  it('is refused with 409 and the server’s hash when the content changed since the signer saw it', async () => {
    const s = await filledShare();
    writeAnswers(s.answers.doc, [{ questionId: 'q1', value: 'no', updated: '2026-12-01T11:00:00Z' }]);
    await s.answers.synced();
    const response = await s.signOff(s.contentHash);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'contentChanged',
      contentHash: await teamContentHash(s.answers.doc),
    });
    // Not sealed: the owner still writes.
    writeAnswers(s.answers.doc, [{ questionId: 'q2', value: 'still open', updated: '2026-12-01T12:00:00Z' }]);
    await s.answers.synced();
    expect(s.answers.acks.every(Boolean)).toBe(true);
    s.close();
  });

  it('is refused to an editor or a reviewer', async () => {
    const s = await filledShare();
    for (const role of ['editor', 'reviewer'] as const) {
      const { token } = await t.token(s.shareId, role);
      const response = await post(`/api/shares/${s.shareId}/sign-off`, token, {});
      expect([response.status, await response.json()]).toEqual([403, { error: 'forbidden' }]);
    }
    s.close();
  });

  it('seals the revision: every later write is refused, by everyone, on both documents', async () => {
    const s = await filledShare();
    const response = await s.signOff(s.contentHash);
    expect(response.status).toBe(200);
    const record = await response.json();
    expect(record).toMatchObject({
      revision: 1,
      contentHash: s.contentHash,
      name: 'Vera',
      signer: { role: 'validator', name: 'A validator' },
    });
    await until(() => s.answers.stateless.includes('{"type":"sealed","revision":1}'), 'the sealed message');
    expect(s.review.stateless).toContain('{"type":"sealed","revision":1}');

    writeAnswers(s.answers.doc, [{ questionId: 'q1', value: 'after sign-off', updated: '2026-12-03T10:00:00Z' }]);
    addReviewComment(s.review.doc, {
      id: 'late',
      questionId: 'q1',
      author: { id: 'x', name: 'Owner' },
      role: 'owner',
      at: '2026-12-03T10:00:00Z',
      text: 'late comment',
    });
    await until(() => s.answers.acks.includes(false) && s.review.acks.includes(false), 'both writes dropped');
    const fresh = connect(t.server, documentName(s.shareId, 1, 'answers'), s.owner.token);
    await fresh.ready;
    expect(fresh.readOnly()).toBe(true);
    expect(readAnswer(fresh.doc, 'q1')?.value).toBe('yes');
    expect(readAnswer(await storedDocument(t.store, documentName(s.shareId, 1, 'answers')), 'q1')?.value).toBe('yes');
    expect(readReviewComments(await storedDocument(t.store, documentName(s.shareId, 1, 'review')))).toEqual([]);

    expect((await s.signOff(s.contentHash)).status).toBe(409);
    const share = await (
      await fetch(`${t.server.url}/api/shares/${s.shareId}`, { headers: { Authorization: `Bearer ${s.owner.token}` } })
    ).json();
    expect(share.revisions).toEqual([{ revision: 1, signOff: record }]);
    fresh.close();
    s.close();
  });

  it('reopening starts revision n + 1 as a copy, and tells the people on revision n', async () => {
    const s = await filledShare();
    expect((await post(`/api/shares/${s.shareId}/reopen`, s.owner.token)).status).toBe(409);
    expect((await s.signOff(s.contentHash)).status).toBe(200);
    const reopened = await post(`/api/shares/${s.shareId}/reopen`, s.owner.token);
    expect([reopened.status, await reopened.json()]).toEqual([201, { shareId: s.shareId, revision: 2 }]);
    await until(() => s.answers.stateless.includes('{"type":"reopened","revision":2}'), 'the reopened message');

    const next = connect(t.server, documentName(s.shareId, 2, 'answers'), s.owner.token);
    await next.ready;
    expect(next.readOnly()).toBe(false);
    expect(readDetails(next.doc)).toEqual({ ...details, revision: 2 });
    expect(readAnswer(next.doc, 'q1')?.value).toBe('yes');
    writeAnswers(next.doc, [{ questionId: 'q1', value: 'revised', updated: '2026-12-04T10:00:00Z' }]);
    await next.synced();
    expect(readAnswer(await storedDocument(t.store, documentName(s.shareId, 1, 'answers')), 'q1')?.value).toBe('yes');
    const share = await (
      await fetch(`${t.server.url}/api/shares/${s.shareId}`, { headers: { Authorization: `Bearer ${s.owner.token}` } })
    ).json();
    expect(share.revision).toBe(2);
    expect(share.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    next.close();
    s.close();
  });
});
