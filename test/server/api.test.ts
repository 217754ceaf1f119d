import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../../src/engine/records';
import { documentName } from '../../src/engine/team-document';
import { connect, startTestServer, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  mkdirSync(join(t.options.distDir, 'assets'), { recursive: true });
  writeFileSync(join(t.options.distDir, 'index.html'), '<!doctype html><title>Conformo</title>');
  writeFileSync(join(t.options.distDir, 'assets', 'app-1234.js'), 'export {};');
});
afterAll(() => t.stop());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('evidence files', () => {
  it('are stored by their SHA-256 and returned byte for byte, to any role of that share only', async () => {
    const shareId = await t.share();
    const editor = await t.token(shareId, 'editor');
    const reviewer = await t.token(shareId, 'reviewer');
    const bytes = new Uint8Array([0, 1, 2, 255, 37, 80, 68, 70]);
    const url = `${t.server.url}/api/shares/${shareId}/evidence/${sha256(bytes)}`;
    const put = await fetch(url, { method: 'PUT', headers: auth(editor.token), body: bytes });
    expect([put.status, await put.json()]).toEqual([201, { sha256: sha256(bytes), size: bytes.byteLength }]);
    const got = await fetch(url, { headers: auth(reviewer.token) });
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    const stranger = await t.token(await t.share(), 'owner');
    expect((await fetch(url, { headers: auth(stranger.token) })).status).toBe(403);
    // Content-addressed per share: the same hash under the stranger's own share finds nothing.
    const own = `${t.server.url}/api/shares/${JSON.parse(Buffer.from(stranger.token.split('.')[1]!, 'base64url').toString()).share}/evidence/${sha256(bytes)}`;
    expect((await fetch(own, { headers: auth(stranger.token) })).status).toBe(404);
  });

  it('are refused when the body does not match its hash, when too large, or from a reviewer', async () => {
    const shareId = await t.share();
    const editor = await t.token(shareId, 'editor');
    const reviewer = await t.token(shareId, 'reviewer');
    const bytes = new TextEncoder().encode('evidence');
    const wrong = await fetch(`${t.server.url}/api/shares/${shareId}/evidence/${sha256(new Uint8Array([1]))}`, {
      method: 'PUT',
      headers: auth(editor.token),
      body: bytes,
    });
    expect([wrong.status, await wrong.json()]).toEqual([422, { error: 'hashMismatch' }]);

    const url = `${t.server.url}/api/shares/${shareId}/evidence/${sha256(bytes)}`;
    const refused = await fetch(url, { method: 'PUT', headers: auth(reviewer.token), body: bytes });
    expect([refused.status, await refused.json()]).toEqual([403, { error: 'forbidden' }]);
    expect((await fetch(url, { headers: auth(editor.token) })).status).toBe(404);

    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    const tooLarge = await fetch(`${t.server.url}/api/shares/${shareId}/evidence/${sha256(big)}`, {
      method: 'PUT',
      headers: auth(editor.token),
      body: big,
    });
    expect([tooLarge.status, await tooLarge.json()]).toEqual([413, { error: 'tooLarge', max: MAX_EVIDENCE_BYTES }]);
  });
});

describe('the share and its invitations', () => {
  it('describes the share to its members', async () => {
    const shareId = await t.share();
    const owner = await t.token(shareId, 'owner');
    await t.token(shareId, 'reviewer');
    const response = await fetch(`${t.server.url}/api/shares/${shareId}`, { headers: auth(owner.token) });
    const body = await response.json();
    expect(body.people).toHaveLength(2);
    expect(body).toMatchObject({
      shareId,
      revision: 1,
      revisions: [{ revision: 1 }],
      people: expect.arrayContaining([
        { name: 'A owner', role: 'owner' },
        { name: 'A reviewer', role: 'reviewer' },
      ]),
      you: { name: 'A owner', role: 'owner' },
      appInvites: true,
    });
  });

  it('lets the owner invite from the app; the link carries a token that connects with its role', async () => {
    const shareId = await t.share();
    const owner = await t.token(shareId, 'owner');
    const made = await fetch(`${t.server.url}/api/shares/${shareId}/invitations`, {
      method: 'POST',
      headers: { ...auth(owner.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Rita', role: 'reviewer', days: 3 }),
    });
    expect(made.status).toBe(201);
    const invitation = await made.json();
    expect(invitation.link).toBe(`${t.server.url}/#/join/${invitation.token}`);
    const client = connect(t.server, documentName(shareId, 1, 'answers'), invitation.token);
    await client.ready;
    expect(client.readOnly()).toBe(true);
    client.close();

    const listed = await (
      await fetch(`${t.server.url}/api/shares/${shareId}/invitations`, { headers: auth(owner.token) })
    ).json();
    expect(listed).toContainEqual({
      jti: invitation.jti,
      name: 'Rita',
      role: 'reviewer',
      expires: invitation.expires,
      revoked: false,
    });
    const reviewer = await fetch(`${t.server.url}/api/shares/${shareId}/invitations`, {
      headers: auth(invitation.token),
    });
    expect(reviewer.status).toBe(403);
    const bad = await fetch(`${t.server.url}/api/shares/${shareId}/invitations`, {
      method: 'POST',
      headers: { ...auth(owner.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Rita', role: 'admin' }),
    });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'badRequest' }]);
  });

  it('refuses app invitations when the server does not allow them', async () => {
    const closed = await startTestServer({ appInvites: false });
    try {
      const shareId = await closed.share();
      const owner = await closed.token(shareId, 'owner');
      const response = await fetch(`${closed.server.url}/api/shares/${shareId}/invitations`, {
        method: 'POST',
        headers: { ...auth(owner.token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Rita', role: 'reviewer' }),
      });
      expect([response.status, await response.json()]).toEqual([403, { error: 'appInvitesDisabled' }]);
    } finally {
      await closed.stop();
    }
  });
});

describe('the same origin', () => {
  it('serves the app with the security headers, and index.html for the app’s routes', async () => {
    for (const path of ['/', '/assessments/x', '/assets/app-1234.js', '/api/health']) {
      const response = await fetch(`${t.server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(await (await fetch(`${t.server.url}/deep/link`)).text()).toContain('<title>Conformo</title>');
    expect((await fetch(`${t.server.url}/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${t.server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.server.url}/..%2f..%2fetc%2fpasswd.txt`)).status).toBe(404);
    expect(await (await fetch(`${t.server.url}/api/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${t.server.url}/api/nothing`)).status).toBe(404);
  });
});
