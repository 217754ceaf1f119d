import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupDocument } from '../../src/backup/format';
import { MAX_IMPORT_BYTES } from '../../src/backup/format';
import { type ImportFile, readImportFile } from '../../src/backup/read';
import { sha256OfBytes } from '../../src/engine/canonical';
import type { AssessmentRecord, EvidenceRecord, HistoryRecord } from '../../src/engine/records';
import {
  applyImport,
  exportBackup,
  type ImportDecision,
  type ImportOutcome,
  type ImportSummary,
  planImport,
} from '../../src/storage/backup';
import { StorageError } from '../../src/storage/errors';
import { createAssessment, db, listAnswers, saveAnswers, selectDatabase } from '../../src/storage/repository';

const fresh = () => selectDatabase(`conformo-backup-${crypto.randomUUID()}`);
beforeEach(fresh);
afterEach(() => vi.restoreAllMocks());

/** Every byte value, and more than one base64 chunk. */
const EVIDENCE_BYTES = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7 + (i >> 8)) % 256);

async function seed(title = 'Chatbot « Léa » 2026', at = new Date('2026-03-02T11:00:00.000Z')) {
  const assessment = await createAssessment(
    {
      questionnaireId: 'ai-literacy-prohibited',
      questionnaireVersion: '1.0.0',
      title,
      organisation: 'Banque du Kirchberg',
      aiSystem: 'Léa',
      assessor: 'A. Martin',
    },
    new Date('2026-03-01T09:00:00.000Z'),
  );
  await saveAnswers(
    [
      { assessmentId: assessment.id, questionId: 'art4-literacy', value: 'partial', comment: 'Seuil ≥ 95 %' },
      { assessmentId: assessment.id, questionId: 'staff', value: 42 },
      { assessmentId: assessment.id, questionId: 'groups', value: ['staff', 'contractors'] },
      { assessmentId: assessment.id, questionId: 'na', value: 'notApplicable', justification: 'Interne' },
    ],
    at,
  );
  const history: HistoryRecord[] = [
    {
      assessmentId: assessment.id,
      questionId: 'art4-literacy',
      at: '2026-03-01T10:00:00.000Z',
      before: {},
      after: { value: 'nonConform' },
    },
    {
      assessmentId: assessment.id,
      questionId: 'art4-literacy',
      at: at.toISOString(),
      before: { value: 'nonConform' },
      after: { value: 'partial', comment: 'Seuil ≥ 95 %' },
    },
  ];
  await db().history.bulkAdd(history);
  const evidence: EvidenceRecord = {
    id: crypto.randomUUID(),
    assessmentId: assessment.id,
    questionId: 'art4-literacy',
    name: 'politique « IA ».bin',
    type: 'application/octet-stream',
    size: EVIDENCE_BYTES.length,
    sha256: await sha256OfBytes(EVIDENCE_BYTES),
    added: '2026-03-01T10:05:00.000Z',
    blob: new Blob([EVIDENCE_BYTES]),
  };
  await db().evidence.add(evidence);
  return (await db().assessments.get(assessment.id)) as AssessmentRecord;
}

function fileOf(document: BackupDocument | string, name = 'backup.json'): ImportFile {
  const bytes = new TextEncoder().encode(typeof document === 'string' ? document : JSON.stringify(document));
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
}

/** Everything stored, comparable across databases (history without its auto-increment ids, evidence as bytes). */
async function snapshot() {
  const evidence = await db().evidence.orderBy('id').toArray();
  return {
    assessments: await db().assessments.orderBy('id').toArray(),
    answers: await db().answers.toArray(),
    history: (await db().history.toArray()).map(({ id: _id, ...rest }) => rest),
    evidence: await Promise.all(
      evidence.map(async ({ blob, ...meta }) => ({ ...meta, bytes: new Uint8Array(await blob.arrayBuffer()) })),
    ),
  };
}

function written(outcome: ImportOutcome): ImportSummary {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.conflict)}`);
  return outcome.summary;
}

async function importFile(file: ImportFile, decisions: Record<string, ImportDecision> = {}) {
  const read = await readImportFile(file);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const plan = await planImport(read.value.entries, read.value.scope);
  return {
    plan,
    summary: written(await applyImport(plan, new Map(Object.entries(decisions)), { copySuffix: ' (imported)' })),
  };
}

describe('backup export and import', () => {
  it('round-trips everything into an empty database: records, answers, history, evidence byte for byte', async () => {
    await seed();
    await seed('Second', new Date('2026-03-05T00:00:00.000Z'));
    const before = await snapshot();
    const document = await exportBackup(undefined, new Date('2026-03-10T00:00:00.000Z'));
    expect(document).toMatchObject({
      format: 'conformo.backup',
      formatVersion: 1,
      exportedAt: '2026-03-10T00:00:00.000Z',
      app: 'Conformo',
    });
    expect(document.assessments).toHaveLength(2);
    expect(document.assessments[0]?.evidence[0]?.data).toBe(Buffer.from(EVIDENCE_BYTES).toString('base64'));

    fresh();
    const { summary } = await importFile(fileOf(document));
    expect(summary).toMatchObject({ added: 2, copied: 0, replaced: 0, alreadyPresent: 0 });
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.evidence[0]?.bytes).toEqual(EVIDENCE_BYTES);
    expect(after.history.map((h) => h.after)).toEqual(before.history.map((h) => h.after));
  });

  it('exports one assessment alone', async () => {
    const one = await seed('One');
    await seed('Other');
    const document = await exportBackup([one.id]);
    expect(document.assessments.map((a) => a.assessment.title)).toEqual(['One']);
    expect(document.assessments[0]?.answers).toHaveLength(4);
  });

  it('says "already present" when the same backup is imported twice, and duplicates nothing', async () => {
    await seed();
    const file = fileOf(await exportBackup());
    fresh();
    expect((await importFile(file)).summary.added).toBe(1);
    const before = await snapshot();
    const again = await importFile(file);
    expect(again.plan.items.map((i) => i.status)).toEqual(['identical']);
    expect(again.summary).toMatchObject({ added: 0, alreadyPresent: 1, ids: [] });
    expect(await snapshot()).toEqual(before);
    // Also on the device it came from.
    expect((await importFile(file)).summary.alreadyPresent).toBe(1);
  });

  it('never replaces a newer stored assessment, but keeps both on request', async () => {
    const stored = await seed();
    const document = await exportBackup();
    const file = fileOf(document);
    // The stored assessment changes after the backup: it is now the newer one.
    await saveAnswers([{ assessmentId: stored.id, questionId: 'staff', value: 43 }], new Date('2026-04-01T00:00:00Z'));
    const before = await snapshot();

    const read = await readImportFile(file);
    if (!read.ok) throw new Error('invalid');
    const plan = await planImport(read.value.entries, read.value.scope);
    expect(plan.items).toMatchObject([
      {
        status: 'conflict',
        importedIsNewer: false,
        existing: { title: stored.title, updated: '2026-04-01T00:00:00.000Z' },
      },
    ]);
    expect(await applyImport(plan, new Map([[stored.id, 'replace']]), { copySuffix: ' (imported)' })).toEqual({
      ok: false,
      conflict: { reason: 'notNewer', assessmentId: stored.id },
    });
    expect(await snapshot()).toEqual(before);

    const skipped = written(await applyImport(plan, new Map(), { copySuffix: ' (imported)' }));
    expect(skipped).toMatchObject({ skipped: 1, added: 0 });
    expect(await snapshot()).toEqual(before);

    const summary = written(await applyImport(plan, new Map([[stored.id, 'keepBoth']]), { copySuffix: ' (imported)' }));
    expect(summary).toMatchObject({ copied: 1, ids: [expect.any(String)] });
    const copyId = summary.ids[0] as string;
    expect(copyId).not.toBe(stored.id);
    const copy = await db().assessments.get(copyId);
    expect(copy?.title).toBe('Chatbot « Léa » 2026 (imported)');
    expect((await listAnswers(copyId)).find((a) => a.questionId === 'staff')?.value).toBe(42);
    expect((await listAnswers(stored.id)).find((a) => a.questionId === 'staff')?.value).toBe(43);
    const evidence = await db().evidence.toArray();
    expect(evidence).toHaveLength(2);
    expect(new Set(evidence.map((e) => e.id)).size).toBe(2);
    expect(
      new Uint8Array(await (evidence.find((e) => e.assessmentId === copyId) as EvidenceRecord).blob.arrayBuffer()),
    ).toEqual(EVIDENCE_BYTES);
    expect(await db().history.where('assessmentId').equals(copyId).count()).toBe(
      document.assessments[0]?.history.length,
    );

    // Importing the same file again offers the same choice; it never copies silently.
    const third = await readImportFile(file);
    if (!third.ok) throw new Error('invalid');
    expect((await planImport(third.value.entries, third.value.scope)).items[0]?.status).toBe('conflict');
  });

  it('replaces an older stored assessment with the newer import: answers, history and evidence', async () => {
    const stored = await seed();
    const older = fileOf(await exportBackup());
    await saveAnswers([{ assessmentId: stored.id, questionId: 'staff', value: 43 }], new Date('2026-04-01T00:00:00Z'));
    await db().history.add({
      assessmentId: stored.id,
      questionId: 'staff',
      at: '2026-04-01T00:00:00.000Z',
      before: { value: 42 },
      after: { value: 43 },
    });
    const newer = await exportBackup();
    const newerState = await snapshot();

    fresh();
    await importFile(older);
    const { plan, summary } = await importFile(fileOf(newer), { [stored.id]: 'replace' });
    expect(plan.items).toMatchObject([{ status: 'conflict', importedIsNewer: true }]);
    expect(summary).toMatchObject({ replaced: 1, ids: [stored.id] });
    expect(await snapshot()).toEqual(newerState);
  });

  it('stores a time in the future as the moment of the import, so that a later version can still replace it', async () => {
    const stored = await seed();
    const document = await exportBackup();
    const entry = document.assessments[0];
    if (!entry) throw new Error('nothing exported');
    entry.assessment.updated = '2099-01-01T00:00:00.000Z';
    fresh();
    const read = await readImportFile(fileOf(document));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const importedAt = new Date('2026-05-01T08:00:00.000Z');
    await applyImport(await planImport(read.value.entries, read.value.scope), new Map(), {
      copySuffix: '',
      now: () => importedAt,
    });
    expect((await db().assessments.get(stored.id))?.updated).toBe(importedAt.toISOString());

    // A version made after the import is newer, and replaces it.
    entry.assessment.updated = '2026-06-01T00:00:00.000Z';
    const { plan, summary } = await importFile(fileOf(document), { [stored.id]: 'replace' });
    expect(plan.items).toMatchObject([{ status: 'conflict', importedIsNewer: true }]);
    expect(summary).toMatchObject({ replaced: 1 });
  });

  it('writes all or nothing: a failure in the middle leaves the database as it was', async () => {
    await seed('First');
    await seed('Second');
    const file = fileOf(await exportBackup());
    fresh();
    const keep = await seed('Already here');
    const before = await snapshot();
    let calls = 0;
    const original = db().evidence.bulkPut.bind(db().evidence);
    vi.spyOn(db().evidence, 'bulkPut').mockImplementation(((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
      return original(...args);
    }) as typeof original);

    const read = await readImportFile(file);
    if (!read.ok) throw new Error('invalid');
    const plan = await planImport(read.value.entries, read.value.scope);
    const failure = applyImport(plan, new Map(), { copySuffix: ' (imported)' });
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ problem: 'quota' });
    expect(calls).toBe(2);
    expect(await snapshot()).toEqual(before);
    expect(await db().assessments.get(keep.id)).toBeDefined();
  });

  it('refuses a conflict that appeared after the plan was made, writing nothing', async () => {
    const stored = await seed();
    const document = await exportBackup();
    fresh();
    const read = await readImportFile(fileOf(document));
    if (!read.ok) throw new Error('invalid');
    const plan = await planImport(read.value.entries, read.value.scope);
    // Another tab imports the same assessment meanwhile, then changes it.
    await importFile(fileOf(document));
    await saveAnswers([{ assessmentId: stored.id, questionId: 'staff', value: 1 }]);
    const before = await snapshot();
    expect(await applyImport(plan, new Map(), { copySuffix: '' })).toEqual({
      ok: false,
      conflict: { reason: 'exists', assessmentId: stored.id },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('gives an imported evidence file a new id when another assessment already uses its id', async () => {
    const first = await seed('First');
    const document = await exportBackup([first.id]);
    const entry = document.assessments[0];
    if (!entry) throw new Error('no entry');
    entry.assessment.id = 'another-assessment';
    const { summary } = await importFile(fileOf(document));
    expect(summary.added).toBe(1);
    const files = await db().evidence.toArray();
    expect(files.map((f) => f.assessmentId).sort()).toEqual(['another-assessment', first.id].sort());
    expect(new Set(files.map((f) => f.id)).size).toBe(2);
  });
});

describe('refusing a file before anything is written', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
    const result = await readImportFile({ name: 'huge.json', size: MAX_IMPORT_BYTES + 1, arrayBuffer });
    expect(result).toEqual({
      ok: false,
      errors: [{ pointer: '', code: 'tooLarge', params: { size: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES } }],
    });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('refuses text that is not UTF-8, an empty file, corrupted JSON and a wrong evidence hash', async () => {
    const latin1 = new Uint8Array([0x7b, 0xe9, 0x7d]);
    expect(
      await readImportFile({ name: 'x.json', size: 3, arrayBuffer: async () => latin1.buffer as ArrayBuffer }),
    ).toMatchObject({ ok: false, errors: [{ code: 'corrupted' }] });
    expect(await readImportFile(fileOf(''))).toMatchObject({ ok: false, errors: [{ code: 'emptyFile' }] });
    expect(await readImportFile(fileOf('{"format":'))).toMatchObject({ ok: false, errors: [{ code: 'corrupted' }] });

    await seed();
    const document = await exportBackup();
    const file = document.assessments[0]?.evidence[0];
    if (!file) throw new Error('no evidence');
    file.sha256 = '0'.repeat(64);
    expect(await readImportFile(fileOf(document))).toMatchObject({
      ok: false,
      errors: [{ pointer: '/assessments/0/evidence/0/data', code: 'evidenceHash' }],
    });
  });

  it('imports a version 1 backup fixture (a format that shipped stays readable)', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('test/fixtures/backups/v1-backup.json', 'utf8');
    const { summary } = await importFile(fileOf(text));
    expect(summary.added).toBe(2);
    const answers = await listAnswers('11111111-1111-4111-8111-111111111111');
    expect(answers.find((a) => a.questionId === 'groups')?.value).toEqual(['staff', 'contractors']);
    expect(answers.find((a) => a.questionId === 'na')).toMatchObject({
      carriedOver: true,
      justification: 'Pas de système à haut risque',
    });
  });

  it('imports the JSON attached to a report; replacing it keeps the stored history and evidence', async () => {
    const { readFileSync } = await import('node:fs');
    const report = JSON.parse(readFileSync('test/fixtures/backups/v1-assessment-file.json', 'utf8'));
    const { summary } = await importFile(fileOf(JSON.stringify(report)));
    expect(summary.added).toBe(1);
    const id = report.assessment.id as string;
    expect(await db().assessments.get(id)).toMatchObject({ title: 'From a report', status: 'completed', revision: 2 });
    expect(await db().assessments.get(id)).not.toHaveProperty('someFutureField');
    await db().history.add({
      assessmentId: id,
      questionId: 'role',
      at: '2026-02-10T09:00:00.000Z',
      before: {},
      after: { value: 'provider' },
    });

    expect((await importFile(fileOf(JSON.stringify(report)))).summary.alreadyPresent).toBe(1);

    report.assessment.updated = '2026-02-11T09:00:00.000Z';
    report.answers[0].value = 'deployer';
    const { summary: replaced } = await importFile(fileOf(JSON.stringify(report)), { [id]: 'replace' });
    expect(replaced.replaced).toBe(1);
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['deployer']);
    expect(await db().history.where('assessmentId').equals(id).count()).toBe(1);
  });
});

describe('keeping both copies of a signed assessment', () => {
  it('keeps the title the signature covers, so the copy still verifies', async () => {
    const { signOffAssessment } = await import('../../src/storage/lifecycle');
    const { signedContent } = await import('../../src/engine/signed-content');
    const { sha256Hex } = await import('../../src/engine/canonical');
    const stored = await seed();
    await signOffAssessment(stored.id, { name: 'J. Weber', role: 'DPO', date: '2026-11-29', statement: 'Reviewed.' });
    const signedBackup = fileOf(await exportBackup());
    // The same id stored unsigned and different, as on a device where it was never signed.
    await db().assessments.update(stored.id, {
      status: 'inProgress',
      signOff: undefined,
      updated: '2026-01-01T00:00:00.000Z',
    });
    await db().answers.where('[assessmentId+questionId]').equals([stored.id, 'staff']).modify({ value: 7 });

    const read = await readImportFile(signedBackup);
    if (!read.ok) throw new Error('invalid');
    const plan = await planImport(read.value.entries, read.value.scope);
    expect(plan.items.map((i) => i.status)).toEqual(['conflict']);
    const summary = written(await applyImport(plan, new Map([[stored.id, 'keepBoth']]), { copySuffix: ' (imported)' }));
    const copy = await db().assessments.get(summary.ids[0] as string);
    expect(copy?.title).toBe(stored.title);
    expect(copy?.signOff?.contentHash).toBe(
      await sha256Hex(
        signedContent({ assessment: copy as AssessmentRecord, answers: await listAnswers(copy?.id as string) }),
      ),
    );
  });

  it('imports a forged or tampered sign-off as not signed off, with every answer, and says which', async () => {
    const { signOffAssessment } = await import('../../src/storage/lifecycle');
    const stored = await seed();
    await signOffAssessment(stored.id, { name: 'J. Weber', role: 'DPO', date: '2026-11-29', statement: 'Reviewed.' });
    const genuine = await exportBackup();
    const forged = structuredClone(genuine);
    const [entry] = forged.assessments;
    if (!entry?.assessment.signOff) throw new Error('no sign-off exported');
    // The attack of the security review: answers changed after signing, and a content hash of zeros.
    entry.assessment.signOff.contentHash = '0'.repeat(64);
    const staff = entry.answers.find((a) => a.questionId === 'staff');
    if (staff) staff.value = 999;

    fresh();
    const read = await readImportFile(fileOf(forged));
    if (!read.ok) throw new Error('refused');
    expect(read.value.unsigned).toEqual([{ id: stored.id, title: stored.title, reason: 'contentChanged' }]);
    written(await applyImport(await planImport(read.value.entries, read.value.scope), new Map(), { copySuffix: '' }));
    const imported = await db().assessments.get(stored.id);
    expect(imported?.status).toBe('inProgress');
    expect(imported?.signOff).toBeUndefined();
    expect((await listAnswers(stored.id)).find((a) => a.questionId === 'staff')?.value).toBe(999);

    // The genuine file still imports as signed.
    fresh();
    const again = await readImportFile(fileOf(genuine));
    if (!again.ok) throw new Error('refused');
    expect(again.value.unsigned).toEqual([]);
    written(await applyImport(await planImport(again.value.entries, again.value.scope), new Map(), { copySuffix: '' }));
    expect((await db().assessments.get(stored.id))?.status).toBe('signed');
  });

  it('imports a sign-off whose declaration was changed after signing as not signed off: its signature fails', async () => {
    const { signOffAssessment } = await import('../../src/storage/lifecycle');
    const stored = await seed();
    await signOffAssessment(stored.id, { name: 'J. Weber', role: 'DPO', date: '2026-11-29', statement: 'Reviewed.' });
    const document = await exportBackup();
    const signOff = document.assessments[0]?.assessment.signOff;
    if (!signOff?.signature) throw new Error('the sign-off was not signed with a key');
    // The content hash still matches the answers; only who signed was rewritten.
    signOff.name = 'Someone Else';

    fresh();
    const read = await readImportFile(fileOf(document));
    if (!read.ok) throw new Error('refused');
    expect(read.value.unsigned).toEqual([{ id: stored.id, title: stored.title, reason: 'signatureInvalid' }]);
    expect(read.value.entries[0]?.assessment).toMatchObject({ status: 'inProgress' });
    expect(read.value.entries[0]?.assessment.signOff).toBeUndefined();
  });
});
