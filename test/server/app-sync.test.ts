// The app's storage in Node: IndexedDB from fake-indexeddb, WebSocket from ws (Node 20 has none of its own).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sha256OfBytes } from '../../src/engine/canonical';
import type { AssessmentRecord, TeamLink } from '../../src/engine/records';
import {
  readAnswer,
  readDetails,
  readEvidence,
  removeEvidence,
  writeAnswers,
  writeDetails,
  writeEvidence,
} from '../../src/engine/team-document';
import { addEvidence, getEvidence } from '../../src/storage/evidence';
import { updateDetails } from '../../src/storage/lifecycle';
import { db, getAssessment, listAnswers, saveAnswers } from '../../src/storage/repository';
import { join, shareAssessment, signOffTogether } from '../../src/storage/team';
import { TeamConnection, type TeamSyncState } from '../../src/storage/team-sync';
import { freshDatabase, seedAssessment } from '../fixtures/seed';
import { connect, startTestServer, type TestClient, type TestServer, until } from './helpers';

/**
 * The app's side of team mode in this process (its IndexedDB, its Yjs documents, its connection) against a real
 * team server on loopback, with other people as real Hocuspocus clients.
 */

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let server: TestServer;
let origin: string;
const opened: { close(): void }[] = [];

beforeEach(async () => {
  freshDatabase('team-sync');
  server = await startTestServer();
  origin = server.server.url;
});

afterEach(async () => {
  for (const thing of opened.splice(0)) thing.close();
  await server.stop();
});

function open(assessment: AssessmentRecord): { connection: TeamConnection; states: TeamSyncState[] } {
  const states: TeamSyncState[] = [];
  const connection = new TeamConnection(assessment as AssessmentRecord & { team: TeamLink }, origin, {
    onState: (state) => states.push(state),
    onStateless: () => {},
  });
  opened.push(connection);
  return { connection, states };
}

/** Someone else on the team, connected to the answers of revision 1 with their own invitation. */
async function colleague(shareId: string, role: 'editor' | 'reviewer'): Promise<TestClient> {
  const client = connect(server.server, `${shareId}/1/answers`, (await server.token(shareId, role)).token);
  opened.push(client);
  await client.ready;
  return client;
}

async function sharedAssessment() {
  const shareId = await server.share();
  const owner = await server.token(shareId, 'owner');
  const seeded = await seedAssessment({ answers: { 'risk-system': 'partial', 'data-quality': 'conform' } });
  await shareAssessment(origin, owner.token, seeded.id);
  const assessment = (await getAssessment(seeded.id)) as AssessmentRecord;
  const { connection, states } = open(assessment);
  await connection.open();
  await until(() => states.at(-1)?.status === 'synced', 'the owner to be synced');
  return { shareId, assessment, connection, states };
}

describe('a shared assessment on this device', () => {
  it('sends its details and answers to the team, and takes in what others answer, with who did it', async () => {
    const { shareId, assessment } = await sharedAssessment();
    const editor = await colleague(shareId, 'editor');
    expect(readDetails(editor.doc)?.title).toBe(assessment.title);
    expect(readAnswer(editor.doc, 'risk-system')?.value).toBe('partial');

    const bob = { id: 'bob-id', name: 'Bob' };
    writeAnswers(editor.doc, [
      {
        questionId: 'risk-system',
        value: 'conform',
        comment: 'Fixed in May.',
        updated: new Date().toISOString(),
        updatedBy: bob,
      },
    ]);
    await until(
      async () =>
        (await listAnswers(assessment.id)).some((a) => a.questionId === 'risk-system' && a.value === 'conform'),
      'Bob’s answer in the table',
    );
    const [stored] = (await listAnswers(assessment.id)).filter((a) => a.questionId === 'risk-system');
    expect(stored).toMatchObject({ comment: 'Fixed in May.', updatedBy: bob });
    const history = await db()
      .history.where('[assessmentId+questionId]')
      .equals([assessment.id, 'risk-system'])
      .toArray();
    // The value that lost (the owner's "partial") stays in the history, with who replaced it.
    expect(history.at(-1)).toMatchObject({ before: { value: 'partial' }, after: { value: 'conform' }, by: bob });

    await saveAnswers([{ assessmentId: assessment.id, questionId: 'data-quality', value: 'notConform' }]);
    await until(() => readAnswer(editor.doc, 'data-quality')?.value === 'notConform', 'the owner’s write at Bob’s');
    expect(readAnswer(editor.doc, 'data-quality')?.updatedBy?.name).toBe('A owner');
  });

  it('takes a rename made on another device, never undoes it with an older copy, and sends its own', async () => {
    const { shareId, assessment, connection } = await sharedAssessment();
    const elsewhere = connect(server.server, `${shareId}/1/answers`, (await server.token(shareId, 'owner')).token);
    opened.push(elsewhere);
    await elsewhere.ready;
    writeDetails(elsewhere.doc, {
      ...(readDetails(elsewhere.doc) as NonNullable<ReturnType<typeof readDetails>>),
      title: 'Renamed on the laptop',
    });
    await until(async () => (await getAssessment(assessment.id))?.title === 'Renamed on the laptop', 'the rename here');

    // This device connects again with the record it had before: the document keeps the laptop's title.
    connection.close();
    const again = open(assessment);
    await again.connection.open();
    await until(() => again.states.at(-1)?.status === 'synced', 'synced again');
    expect(readDetails(elsewhere.doc)?.title).toBe('Renamed on the laptop');

    // Renamed here, while no connection is open: the next one sends it.
    again.connection.close();
    await updateDetails(assessment.id, { title: 'Renamed on the desktop', organisation: 'Banque du Kirchberg' });
    const third = open((await getAssessment(assessment.id)) as AssessmentRecord);
    await third.connection.open();
    await until(
      () => readDetails(elsewhere.doc)?.title === 'Renamed on the desktop',
      'the desktop rename at the laptop',
    );
    expect(readDetails(elsewhere.doc)?.organisation).toBe('Banque du Kirchberg');
    expect((await getAssessment(assessment.id))?.team?.detailsChanged).toBe(false);
  });

  it('ignores what a reviewer tries to write: the server drops it and the table stays as it was', async () => {
    const { shareId, assessment } = await sharedAssessment();
    const reviewer = await colleague(shareId, 'reviewer');
    expect(reviewer.readOnly()).toBe(true);
    writeAnswers(reviewer.doc, [{ questionId: 'risk-system', value: 'notConform', updated: new Date().toISOString() }]);
    // The server answers each write: "not applied" for the reviewer's.
    await until(() => reviewer.acks.includes(false), 'the server to refuse the reviewer’s write');
    const editor = await colleague(shareId, 'editor');
    expect(readAnswer(editor.doc, 'risk-system')?.value).toBe('partial');
    expect((await listAnswers(assessment.id)).find((a) => a.questionId === 'risk-system')?.value).toBe('partial');
  });

  it('sends on the next connection what was saved while no connection was open', async () => {
    const { shareId, assessment, connection } = await sharedAssessment();
    connection.close();
    await saveAnswers([{ assessmentId: assessment.id, questionId: 'risk-system', comment: 'Written offline.' }]);
    const again = open((await getAssessment(assessment.id)) as AssessmentRecord);
    await again.connection.open();
    await until(() => again.states.at(-1)?.status === 'synced', 'the second connection to be synced');
    const editor = await colleague(shareId, 'editor');
    await until(() => readAnswer(editor.doc, 'risk-system')?.comment === 'Written offline.', 'the offline comment');
  });

  it('converges when the same comment is changed here offline and by someone else online, keeping ours in the history', async () => {
    const { shareId, assessment, connection } = await sharedAssessment();
    const editor = await colleague(shareId, 'editor');
    connection.close();
    await saveAnswers([{ assessmentId: assessment.id, questionId: 'risk-system', comment: 'Ours, written offline.' }]);
    writeAnswers(editor.doc, [
      {
        questionId: 'risk-system',
        value: 'partial',
        comment: 'Theirs, written online.',
        updated: new Date().toISOString(),
      },
    ]);
    await editor.synced();
    const again = open((await getAssessment(assessment.id)) as AssessmentRecord);
    await again.connection.open();
    await until(() => again.states.at(-1)?.status === 'synced', 'the reconnection to be synced');
    const stored = async () => (await listAnswers(assessment.id)).find((a) => a.questionId === 'risk-system')?.comment;
    // Yjs decides which one wins; both sides end up with the same one.
    await until(async () => (await stored()) === readAnswer(editor.doc, 'risk-system')?.comment, 'both sides to agree');
    expect(['Ours, written offline.', 'Theirs, written online.']).toContain(await stored());
    const history = await db()
      .history.where('[assessmentId+questionId]')
      .equals([assessment.id, 'risk-system'])
      .toArray();
    expect(history.map((entry) => entry.after.comment)).toContain('Ours, written offline.');
  });

  it('shares evidence files by their SHA-256: ours go to the server, theirs come here checked', async () => {
    const { shareId, assessment } = await sharedAssessment();
    const editor = await colleague(shareId, 'editor');
    const ours = await addEvidence(
      assessment.id,
      'risk-system',
      Object.assign(new Blob(['Risk policy v3']), { name: 'policy.txt' }),
    );
    await until(() => readEvidence(editor.doc).some((file) => file.id === ours.id), 'our file in the document');
    const { token } = await server.token(shareId, 'reviewer');
    const fetched = await fetch(`${origin}/api/shares/${shareId}/evidence/${ours.sha256}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await fetched.text()).toBe('Risk policy v3');

    const bytes = new TextEncoder().encode('Board minutes, 12 May');
    const sha256 = await sha256OfBytes(bytes);
    const editorToken = (await server.token(shareId, 'editor')).token;
    const put = await fetch(`${origin}/api/shares/${shareId}/evidence/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${editorToken}` },
      body: bytes,
    });
    expect(put.status).toBe(201);
    writeEvidence(editor.doc, {
      id: 'theirs',
      questionId: 'data-quality',
      name: 'minutes.txt',
      type: 'text/plain',
      size: bytes.length,
      sha256,
      added: new Date().toISOString(),
    });
    await until(async () => (await getEvidence('theirs')) !== undefined, 'their file here');
    const stored = await getEvidence('theirs');
    expect(stored).toMatchObject({ assessmentId: assessment.id, questionId: 'data-quality', sha256 });
    expect(await stored?.blob.text()).toBe('Board minutes, 12 May');
  });

  it('drops a file that someone removed while this device was offline, instead of sharing it again', async () => {
    const { shareId, assessment, connection } = await sharedAssessment();
    const editor = await colleague(shareId, 'editor');
    const ours = await addEvidence(
      assessment.id,
      'risk-system',
      Object.assign(new Blob(['Risk policy v2']), { name: 'old-policy.txt' }),
    );
    await until(() => readEvidence(editor.doc).some((file) => file.id === ours.id), 'our file in the document');

    connection.close();
    removeEvidence(editor.doc, ours.id);
    const again = open(assessment);
    await again.connection.open();
    await until(() => again.states.at(-1)?.status === 'synced', 'synced again');
    await until(async () => (await getEvidence(ours.id)) === undefined, 'the removed file gone here');
    // Settled: nothing brought it back into the team's document.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readEvidence(editor.doc).map((file) => file.id)).not.toContain(ours.id);
    expect(await getEvidence(ours.id)).toBeUndefined();
  });

  it('lets an invited editor join: a new local assessment filled from the team', async () => {
    const { shareId, assessment } = await sharedAssessment();
    const editor = await server.token(shareId, 'editor');
    // Another device of this test: a database of its own.
    freshDatabase('team-join');
    const outcome = await join(origin, editor.token);
    expect(outcome.kind).toBe('open');
    const id = outcome.kind === 'open' ? outcome.assessmentId : '';
    const joined = (await getAssessment(id)) as AssessmentRecord;
    expect(joined).toMatchObject({ title: assessment.title, team: { shareId, role: 'editor', revision: 1 } });
    const { connection, states } = open(joined);
    await connection.open();
    await until(() => states.at(-1)?.status === 'synced', 'the editor to be synced');
    await until(async () => (await listAnswers(id)).length === 2, 'the answers on the new device');
  });

  it('signs off together: the server recomputes the hash, seals the revision, and the copy here is signed', async () => {
    const { shareId, assessment, connection } = await sharedAssessment();
    const signed = await signOffTogether(origin, connection, assessment.id, {
      name: 'V. Weber',
      role: 'DPO',
      date: '2026-12-03',
      statement: 'Reviewed with the team.',
    });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await getAssessment(assessment.id)).toMatchObject({
      status: 'signed',
      signOff: { contentHash: signed.contentHash },
    });
    const editor = await colleague(shareId, 'editor');
    expect(editor.readOnly()).toBe(true);
  });
});
