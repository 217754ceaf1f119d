import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentName, readAnswer, writeAnswers } from '../../src/engine/team-document';
import { connect, startTestServer, storedDocument, type TestServer, until } from './helpers';

const KB = 1024;
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    limits: { maxMessageBytes: 256 * KB, maxDocumentBytes: 200 * KB, maxConnectionsPerToken: 2 },
  });
});
afterAll(() => t.stop());

const write = (questionId: string, value: string) => [{ questionId, value, updated: '2026-12-01T10:00:00Z' }];

describe('limits per client', () => {
  it('closes a connection that sends a message over the size limit, and applies nothing of it', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'answers');
    const { token } = await t.token(shareId, 'owner');
    const sender = connect(t.server, name, token);
    await sender.ready;
    writeAnswers(sender.doc, write('big', 'x'.repeat(300 * KB)));
    await until(() => sender.closes.some((c) => c.code === 1009), 'the server to close the connection');
    expect(readAnswer(await storedDocument(t.store, name), 'big')).toBeUndefined();
    sender.close();
  });

  it('refuses a write that would make a document larger than the limit', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'answers');
    const { token } = await t.token(shareId, 'owner');
    const sender = connect(t.server, name, token);
    await sender.ready;
    writeAnswers(sender.doc, write('first', 'a'.repeat(120 * KB)));
    await sender.synced();
    writeAnswers(sender.doc, write('second', 'b'.repeat(120 * KB)));
    await until(() => sender.closes.some((c) => c.reason === 'documentTooLarge'), 'the write to be refused');
    const stored = await storedDocument(t.store, name);
    expect(readAnswer(stored, 'first')?.value).toHaveLength(120 * KB);
    expect(readAnswer(stored, 'second')).toBeUndefined();
    expect(t.logs.some((line) => line.includes('document size limit'))).toBe(true);
    sender.close();
  });

  it('allows a token a limited number of connections at once', async () => {
    const shareId = await t.share();
    const name = documentName(shareId, 1, 'answers');
    const { token } = await t.token(shareId, 'editor');
    const first = connect(t.server, name, token);
    const second = connect(t.server, name, token);
    await Promise.all([first.ready, second.ready]);
    const third = connect(t.server, name, token);
    await expect(third.ready).rejects.toThrow('tooManyConnections');
    third.close();
    first.close();
    // The freed place is taken once the server has seen the first one go.
    await until(async () => {
      const next = connect(t.server, name, token);
      try {
        await next.ready;
        return true;
      } catch {
        return false;
      } finally {
        next.close();
      }
    }, 'a place to free up');
    second.close();
  });
});
