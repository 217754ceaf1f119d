import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentName, readAnswer, teamContentHash, writeAnswers, writeDetails } from '../../src/engine/team-document';
import { connect, startTestServer, storedDocument, type TestServer, until } from './helpers';
import { requireServices, type Service, startPostgres, startRedis } from './services';

let redis: Service | undefined;
let postgres: Service | undefined;
let a: TestServer | undefined;
let b: TestServer | undefined;

beforeAll(async () => {
  requireServices();
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const cluster = { redisUrl: redis.url, databaseUrl: postgres.url };
  // Each in its own temporary data folder, deleted when it stops.
  a = await startTestServer(cluster);
  b = await startTestServer(cluster);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([redis?.stop(), postgres?.stop()]);
}, 30_000);

const details = {
  questionnaireId: 'ai-act-scoping',
  questionnaireVersion: '1.0.0',
  title: 'Credit scoring',
  organisation: 'Bank',
  aiSystem: 'Scorer',
  assessor: 'Ana',
  revision: 1,
};
const write = (questionId: string, value: string) => [{ questionId, value, updated: new Date().toISOString() }];
const post = (server: TestServer, path: string, token: string, body?: unknown) =>
  fetch(`${server.server.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('two server instances with Redis and PostgreSQL', () => {
  it('make clients on different instances converge, and store what both wrote', async () => {
    const [one, two] = [a as TestServer, b as TestServer];
    const shareId = await one.share();
    const name = documentName(shareId, 1, 'answers');
    const ana = connect(one.server, name, (await one.token(shareId, 'owner')).token);
    const ben = connect(two.server, name, (await one.token(shareId, 'editor')).token);
    await Promise.all([ana.ready, ben.ready]);
    writeAnswers(ana.doc, write('q1', 'from A'));
    writeAnswers(ben.doc, write('q2', 'from B'));
    // The same field on both at once: one value wins, the same on both.
    writeAnswers(ana.doc, write('q3', 'ana'));
    writeAnswers(ben.doc, write('q3', 'ben'));
    const agreed = () =>
      readAnswer(ana.doc, 'q2')?.value === 'from B' &&
      readAnswer(ben.doc, 'q1')?.value === 'from A' &&
      readAnswer(ana.doc, 'q3')?.value === readAnswer(ben.doc, 'q3')?.value;
    await until(agreed, 'both clients to converge');
    await Promise.all([ana.synced(), ben.synced()]);
    const stored = await storedDocument(two.store, name);
    expect(readAnswer(stored, 'q1')?.value).toBe('from A');
    expect(readAnswer(stored, 'q2')?.value).toBe('from B');
    ana.close();
    ben.close();
  });

  it('accept on one instance an invitation made on the other, and seal on both after a sign-off on one', async () => {
    const [one, two] = [a as TestServer, b as TestServer];
    const shareId = await one.share();
    const owner = await one.token(shareId, 'owner');
    const made = await post(one, `/api/shares/${shareId}/invitations`, owner.token, { name: 'Val', role: 'validator' });
    const { token: validator } = await made.json();
    const described = await fetch(`${two.server.url}/api/shares/${shareId}`, {
      headers: { Authorization: `Bearer ${validator}` },
    });
    expect((await described.json()).you).toMatchObject({ name: 'Val', role: 'validator' });

    const name = documentName(shareId, 1, 'answers');
    const onA = connect(one.server, name, owner.token);
    const onB = connect(two.server, name, owner.token);
    await Promise.all([onA.ready, onB.ready]);
    writeDetails(onB.doc, details);
    writeAnswers(onB.doc, write('q1', 'signed value'));
    await until(() => readAnswer(onA.doc, 'q1')?.value === 'signed value', 'the answer to reach A');
    await onB.synced();
    const hash = (await teamContentHash(onB.doc)) as string;
    const signed = await post(one, `/api/shares/${shareId}/sign-off`, validator, {
      revision: 1,
      contentHash: hash,
      name: 'Val',
      role: 'Manager',
      date: '2026-12-03',
      statement: 'Signed.',
    });
    expect(signed.status).toBe(200);
    await until(() => onB.stateless.includes('{"type":"sealed","revision":1}'), 'B to hear of the seal');
    writeAnswers(onB.doc, write('q1', 'after the seal'));
    await until(() => onB.acks.includes(false), 'B to refuse the write');
    const late = connect(two.server, name, owner.token);
    await late.ready;
    expect(late.readOnly()).toBe(true);
    expect(readAnswer(late.doc, 'q1')?.value).toBe('signed value');
    expect((await post(two, `/api/shares/${shareId}/sign-off`, validator, {})).status).toBe(400);
    late.close();
    onA.close();
    onB.close();
  });

  it('close on every instance the connections of an invitation revoked on one', async () => {
    const [one, two] = [a as TestServer, b as TestServer];
    const shareId = await one.share();
    const owner = await one.token(shareId, 'owner');
    const editor = await one.token(shareId, 'editor');
    const client = connect(two.server, documentName(shareId, 1, 'answers'), editor.token);
    await client.ready;
    const revoked = await post(one, `/api/shares/${shareId}/invitations/${editor.jti}/revoke`, owner.token);
    expect(revoked.status).toBe(200);
    await until(() => client.provider.isAuthenticated === false, 'B to drop the revoked client');
    client.close();
  });
});
