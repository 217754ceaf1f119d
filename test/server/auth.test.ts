import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentName, readAnswer, writeAnswers } from '../../src/engine/team-document';
import { connect, startTestServer, type TestServer, until } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function refusal(name: string, token: string | undefined): Promise<string> {
  const client = connect(t.server, name, token);
  try {
    await client.ready;
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.close();
  }
}

describe('who may connect to a shared assessment', () => {
  it('refuses a connection without a token', async () => {
    const shareId = await t.share();
    expect(await refusal(documentName(shareId, 1, 'answers'), undefined)).toBe('unauthorized');
  });

  it('refuses a token signed with another secret', async () => {
    const shareId = await t.share();
    const { token } = await t.token(shareId, 'owner');
    const [, payload] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    expect(await refusal(documentName(shareId, 1, 'answers'), forged)).toBe('unauthorized');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const shareId = await t.share();
    const { token } = await t.token(shareId, 'owner');
    const [, payload] = token.split('.') as [string, string];
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await refusal(documentName(shareId, 1, 'answers'), unsigned)).toBe('unauthorized');
  });

  it('refuses an expired token', async () => {
    const shareId = await t.share();
    const { token } = await t.token(shareId, 'editor', -1);
    expect(await refusal(documentName(shareId, 1, 'answers'), token)).toBe('expired');
  });

  it('refuses a token for another share', async () => {
    const mine = await t.share();
    const theirs = await t.share();
    const { token } = await t.token(mine, 'owner');
    expect(await refusal(documentName(theirs, 1, 'answers'), token)).toBe('forbidden');
    expect(await refusal(documentName(mine, 1, 'answers'), token)).toBe('accepted');
  });

  it('refuses a document name the app would not make, and a revision that does not exist', async () => {
    const shareId = await t.share();
    const { token } = await t.token(shareId, 'owner');
    expect(await refusal(`${shareId}/1/secrets`, token)).toBe('notFound');
    expect(await refusal(documentName(shareId, 2, 'answers'), token)).toBe('notFound');
  });

  it('refuses a revoked token, and closes the connections it had open', async () => {
    const shareId = await t.share();
    const owner = await t.token(shareId, 'owner');
    const editor = await t.token(shareId, 'editor');
    const name = documentName(shareId, 1, 'answers');
    const client = connect(t.server, name, editor.token);
    await client.ready;

    const response = await fetch(`${t.server.url}/api/shares/${shareId}/invitations/${editor.jti}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${owner.token}` },
    });
    expect(response.status).toBe(200);
    await until(() => client.provider.isAuthenticated === false, 'the revoked client to be disconnected');
    // It reconnects by itself and is refused from then on; its writes reach nobody.
    writeAnswers(client.doc, [{ questionId: 'q1', value: 'after revocation', updated: '2026-12-01T10:00:00Z' }]);
    const observer = connect(t.server, name, owner.token);
    await observer.ready;
    expect(readAnswer(observer.doc, 'q1')).toBeUndefined();
    expect(await refusal(name, editor.token)).toBe('revoked');
    client.close();
    observer.close();
  });

  it('refuses HTTP calls without a valid token, with stable codes', async () => {
    const shareId = await t.share();
    const expired = await t.token(shareId, 'owner', -1);
    const other = await t.token(await t.share(), 'owner');
    const call = (token?: string) =>
      fetch(`${t.server.url}/api/shares/${shareId}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    expect([(await call()).status, await (await call()).json()]).toEqual([401, { error: 'unauthorized' }]);
    expect(await (await call(expired.token)).json()).toEqual({ error: 'expired' });
    const forbidden = await call(other.token);
    expect([forbidden.status, await forbidden.json()]).toEqual([403, { error: 'forbidden' }]);
  });
});
