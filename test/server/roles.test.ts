import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewComment,
  documentName,
  readAnswer,
  readReviewComments,
  type TeamRole,
  writeAnswers,
} from '../../src/engine/team-document';
import { connect, startTestServer, storedDocument, type TestServer, until } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const answer = (value: string) => [{ questionId: 'q1', value, updated: '2026-12-01T10:00:00Z' }];

describe.each<TeamRole>(['reviewer', 'validator'])('a %s', (role) => {
  it('reads the answers but cannot change them, on the server or for anyone else', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'answers');
    const owner = connect(t.server, name, (await t.token(shareId, 'owner')).token);
    await owner.ready;
    writeAnswers(owner.doc, answer('from the owner'));
    await owner.synced();

    const reader = connect(t.server, name, (await t.token(shareId, role)).token);
    await reader.ready;
    expect(reader.readOnly()).toBe(true);
    expect(readAnswer(reader.doc, 'q1')?.value).toBe('from the owner');

    writeAnswers(reader.doc, answer(`changed by the ${role}`));
    await until(() => reader.acks.includes(false), 'the server to drop the write');
    // The owner's next write travels after the dropped one: once it arrives, the dropped one never will.
    writeAnswers(owner.doc, [{ questionId: 'q2', value: 'fence', updated: '2026-12-01T10:01:00Z' }]);
    await owner.synced();
    const stored = await storedDocument(t.store, name);
    expect(readAnswer(stored, 'q1')?.value).toBe('from the owner');
    expect(readAnswer(stored, 'q2')?.value).toBe('fence');
    expect(readAnswer(owner.doc, 'q1')?.value).toBe('from the owner');
    owner.close();
    reader.close();
  });

  it('writes reviewer comments, which everyone receives', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'review');
    const owner = connect(t.server, name, (await t.token(shareId, 'owner')).token);
    const reviewer = connect(t.server, name, (await t.token(shareId, role)).token);
    await Promise.all([owner.ready, reviewer.ready]);
    expect(reviewer.readOnly()).toBe(false);
    addReviewComment(reviewer.doc, {
      id: 'c1',
      questionId: 'q1',
      author: { id: 'p', name: 'Rita' },
      role,
      at: '2026-12-01T10:00:00Z',
      text: 'Please add the test report.',
    });
    await reviewer.synced();
    await until(() => readReviewComments(owner.doc).length === 1, 'the comment to reach the owner');
    expect(readReviewComments(await storedDocument(t.store, name))[0]?.text).toBe('Please add the test report.');
    owner.close();
    reviewer.close();
  });
});

describe('an editor', () => {
  it('changes answers, and every other client receives them', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'answers');
    const editor = connect(t.server, name, (await t.token(shareId, 'editor')).token);
    const owner = connect(t.server, name, (await t.token(shareId, 'owner')).token);
    await Promise.all([editor.ready, owner.ready]);
    expect(editor.readOnly()).toBe(false);
    writeAnswers(editor.doc, answer('from the editor'));
    await until(() => readAnswer(owner.doc, 'q1')?.value === 'from the editor', 'the answer to reach the owner');
    editor.close();
    owner.close();
  });
});
