import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ImportFile, readImportFile } from '../../src/backup/read';
import { sha256Hex, sha256OfBytes } from '../../src/engine/canonical';
import type { AnswerRecord, AssessmentRecord, EvidenceRecord, HistoryRecord } from '../../src/engine/records';
import { signedContent } from '../../src/engine/signed-content';
import { applyImport, exportBackup, planImport } from '../../src/storage/backup';
import { db, selectDatabase } from '../../src/storage/repository';

const fresh = () => selectDatabase(`conformo-backup-records-${crypto.randomUUID()}`);
beforeEach(fresh);

const CONTENT = 'politique IA, version signée';
const BYTES = new TextEncoder().encode(CONTENT);

// `satisfies Required<...>`: a field added to a record (src/engine/records.ts) fails to type-check here until it is
// given a value, and then the round trip below proves that backups carry it.
const ASSESSMENT = {
  id: 'a-every-field',
  questionnaireId: 'ai-literacy-prohibited',
  questionnaireVersion: '1.0.0',
  title: 'Chatbot « Léa » 2026',
  organisation: 'Banque du Kirchberg',
  aiSystem: 'Léa',
  assessor: 'A. Martin',
  status: 'signed',
  created: '2026-03-01T09:00:00.000Z',
  updated: '2026-03-02T11:00:00.000Z',
  revision: 3,
  previousId: 'a-previous',
  archived: true,
  signOff: {
    name: 'J. Weber',
    role: 'DPO',
    date: '2026-03-02',
    statement: 'Reviewed.',
    // The true hash is set below: an import refuses a sign-off whose hash does not match the content.
    contentHash: '',
    signedAt: '2026-03-02T11:00:00.000Z',
  },
} satisfies Required<Omit<AssessmentRecord, 'team'>>;

const ANSWER = {
  assessmentId: ASSESSMENT.id,
  questionId: 'art4-literacy',
  value: ['staff', 'contractors'],
  justification: 'Seuil ≥ 95 %',
  comment: 'Voir la politique',
  updated: '2026-03-02T10:00:00.000Z',
  carriedOver: true,
  updatedBy: { id: 'person-1', name: 'Éloïse Schmit' },
} satisfies Required<AnswerRecord>;

const HISTORY = {
  assessmentId: ASSESSMENT.id,
  questionId: 'art4-literacy',
  at: '2026-03-02T10:00:00.000Z',
  before: { value: 'nonConform', justification: 'Pas encore', comment: 'Avant' },
  after: { value: 42, justification: 'Seuil ≥ 95 %', comment: 'Après' },
  by: { id: 'person-1', name: 'Éloïse Schmit' },
} satisfies Required<Omit<HistoryRecord, 'id'>>;

async function evidence(): Promise<Required<EvidenceRecord>> {
  return {
    id: 'e-every-field',
    assessmentId: ASSESSMENT.id,
    questionId: 'art4-literacy',
    name: 'politique « IA ».txt',
    type: 'text/plain',
    size: BYTES.length,
    sha256: await sha256OfBytes(BYTES),
    added: '2026-03-01T10:05:00.000Z',
    blob: new Blob([BYTES], { type: 'text/plain' }),
  };
}

/** The content hash a sign-off of these details and answers carries. */
function hashOf(assessment: AssessmentRecord, answers: AnswerRecord[]): Promise<string> {
  return sha256Hex(signedContent({ assessment, answers }));
}

beforeAll(async () => {
  ASSESSMENT.signOff.contentHash = await hashOf(ASSESSMENT, [ANSWER]);
});

function fileOf(text: string): ImportFile {
  const bytes = new TextEncoder().encode(text);
  return { name: 'backup.json', size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
}

/** Export everything as the app does (JSON text), then import it into a fresh database. */
async function exportThenImport(): Promise<string> {
  const text = JSON.stringify(await exportBackup());
  fresh();
  const read = await readImportFile(fileOf(text));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const plan = await planImport(read.value.entries, read.value.scope);
  expect(await applyImport(plan, new Map(), { copySuffix: ' (imported)' })).toMatchObject({ summary: { added: 1 } });
  return text;
}

describe('stored records through a backup', () => {
  it('keep every field of every record through export and import', async () => {
    const file = await evidence();
    // Copies: Dexie writes the auto-increment id into the object it adds.
    await db().assessments.add(structuredClone(ASSESSMENT));
    await db().answers.add(structuredClone(ANSWER));
    await db().history.add(structuredClone(HISTORY));
    await db().evidence.add({ ...file });

    await exportThenImport();

    expect(await db().assessments.toArray()).toEqual([ASSESSMENT]);
    expect(await db().answers.toArray()).toEqual([ANSWER]);
    expect((await db().history.toArray()).map(({ id: _id, ...entry }) => entry)).toEqual([HISTORY]);
    const [stored, ...others] = await db().evidence.toArray();
    expect(others).toEqual([]);
    const { blob, ...meta } = stored as EvidenceRecord;
    const { blob: _blob, ...expected } = file;
    expect(meta).toEqual(expected);
    expect(await blob.text()).toBe(CONTENT);
  });

  it('never carry the team link of a shared assessment: its invitation token stays on the device', async () => {
    const team = {
      shareId: 'share-abcdefgh',
      revision: 1,
      token: 'eyJ.secret-invitation.token',
      person: { id: 'p1', name: 'Ana' },
      role: 'editor',
      joined: '2026-03-01T09:00:00.000Z',
    } as const;
    await db().assessments.add({ ...structuredClone(ASSESSMENT), team });
    await db().answers.add(structuredClone(ANSWER));
    const text = await exportThenImport();
    expect(text).not.toContain('secret-invitation');
    expect(text).not.toContain('share-abcdefgh');
    expect(await db().assessments.toArray()).toEqual([ASSESSMENT]);
  });

  it('leave out what a row carries beyond its record: fields of older builds, undefined values', async () => {
    const stray = { legacyField: 'from an old build', revision: undefined };
    const storedAnswer = { ...ANSWER, value: undefined };
    const contentHash = await hashOf({ ...ASSESSMENT, revision: undefined }, [storedAnswer]);
    const signOff = { ...ASSESSMENT.signOff, contentHash };
    await db().assessments.add({ ...ASSESSMENT, signOff: { ...signOff, ...stray }, ...stray });
    await db().answers.add({ ...storedAnswer, ...stray });
    await db().history.add({ ...HISTORY, ...stray, before: { ...HISTORY.before, ...stray } });
    await db().evidence.add({ ...(await evidence()), ...stray });

    const text = await exportThenImport();

    expect(text).not.toContain('legacyField');
    expect(text).not.toContain('revision');
    const [assessment] = await db().assessments.toArray();
    expect(assessment).toEqual({ ...ASSESSMENT, signOff, revision: undefined });
    expect(Object.keys(assessment as object)).not.toContain('revision');
    const [answer] = await db().answers.toArray();
    expect(Object.keys(answer as object).sort()).toEqual(
      ['assessmentId', 'questionId', 'justification', 'comment', 'updated', 'carriedOver', 'updatedBy'].sort(),
    );
    const [history] = await db().history.toArray();
    expect(history?.before).toEqual(HISTORY.before);
    expect(history).not.toHaveProperty('legacyField');
    const [file] = await db().evidence.toArray();
    expect(file).not.toHaveProperty('legacyField');
  });

  it('file an imported answer under the assessment it is listed with, whatever assessmentId it names', async () => {
    await db().assessments.add(structuredClone(ASSESSMENT));
    await db().answers.add(structuredClone(ANSWER));
    const document = await exportBackup();
    const entry = document.assessments[0];
    if (!entry) throw new Error('nothing exported');
    entry.answers = entry.answers.map((answer) => ({ ...answer, assessmentId: 'someone-else' }));
    fresh();
    const read = await readImportFile(fileOf(JSON.stringify(document)));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    await applyImport(await planImport(read.value.entries, read.value.scope), new Map(), { copySuffix: '' });
    expect(await db().answers.toArray()).toEqual([ANSWER]);
  });
});
