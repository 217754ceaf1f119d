// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentKey, isLater } from '../../src/backup/compare';
import { verifyEvidence } from '../../src/backup/evidence';
import { parseImport, restoreImport } from '../../src/backup/restore';
import { base64ToBytes, bytesToBase64, decodedLength } from '../../src/engine/base64';
import { sha256OfBytes } from '../../src/engine/canonical';
import { MAX_EVIDENCE_BYTES } from '../../src/engine/records';
import { readJson } from '../helpers';

const backup = () => structuredClone(readJson('test/fixtures/backups/v1-backup.json')) as any;
const assessmentFile = () => structuredClone(readJson('test/fixtures/backups/v1-assessment-file.json')) as any;

function errorsOf(data: unknown) {
  const result = restoreImport(data);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('restoring a backup', () => {
  it('restores a version 1 backup field by field, every value of every type kept', () => {
    const result = restoreImport(backup());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ kind: 'backup', scope: 'full', exportedAt: '2026-03-03T08:00:00.000Z' });
    const [first, second] = result.value.entries;
    expect(first?.assessment).toEqual(backup().assessments[0].assessment);
    expect(first?.answers).toEqual(backup().assessments[0].answers);
    expect(first?.history).toEqual(backup().assessments[0].history);
    expect(first?.evidence).toEqual(backup().assessments[0].evidence);
    expect(second?.answers).toEqual([]);
  });

  it('reads the JSON attached to a report, ignoring fields it does not know', () => {
    const result = restoreImport(assessmentFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ kind: 'assessmentFile', scope: 'answers' });
    const [entry] = result.value.entries;
    expect(entry?.assessment).toMatchObject({ id: '33333333-3333-4333-8333-333333333333', revision: 2 });
    expect(entry?.assessment).not.toHaveProperty('someFutureField');
    expect(entry?.answers).toEqual([{ questionId: 'role', value: 'provider', updated: '2026-02-10T09:00:00.000Z' }]);
    expect(entry?.history).toEqual([]);
    expect(entry?.evidence).toEqual([]);
  });

  it('refuses corrupted JSON, an empty file and a truncated backup', () => {
    expect(parseImport('{"format": "conformo.backup", ')).toMatchObject({
      ok: false,
      errors: [{ pointer: '', code: 'corrupted' }],
    });
    expect(parseImport('  \n')).toMatchObject({ ok: false, errors: [{ code: 'emptyFile' }] });
    const text = JSON.stringify(backup());
    expect(parseImport(text.slice(0, text.length / 2))).toMatchObject({ ok: false, errors: [{ code: 'corrupted' }] });
    expect(parseImport(`\uFEFF${text}`).ok).toBe(true);
  });

  it.each([
    ['another program', readJson('test/fixtures/backups/foreign.json')],
    ['a questionnaire', readJson('test/fixtures/questionnaires/all-types.json')],
    ['an array', [1, 2, 3]],
    ['a number', 42],
    ['null', null],
    ['a string', 'conformo.backup'],
    ['another format name', { format: 'conformo.settings', formatVersion: 1 }],
  ])('says "not a Conformo backup" for %s', (_name, data) => {
    expect(errorsOf(data)).toEqual([{ pointer: '', code: 'notConformo', params: {} }]);
  });

  it('refuses a backup or report written by a newer Conformo, saying so', () => {
    expect(errorsOf({ ...backup(), formatVersion: 2, somethingNew: [] })).toEqual([
      { pointer: '/formatVersion', code: 'newerVersion', params: { version: 2, supported: 1 } },
    ]);
    expect(errorsOf({ ...assessmentFile(), formatVersion: 7 })).toMatchObject([{ code: 'newerVersion' }]);
  });

  it('refuses __proto__ and constructor keys wherever they are, and pollutes nothing', () => {
    const text = JSON.stringify(backup()).replace(
      '"revision":1',
      '"revision":1,"__proto__":{"polluted":"yes","status":"signed"}',
    );
    const result = parseImport(text);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ pointer: '/assessments/0/assessment/__proto__', code: 'forbiddenKey', params: { key: '__proto__' } }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const withConstructor = backup();
    withConstructor.assessments[0].answers[0] = { ...withConstructor.assessments[0].answers[0], constructor: 'x' };
    expect(errorsOf(withConstructor)).toMatchObject([{ pointer: '/assessments/0/answers/0/constructor' }]);
    const topLevel = parseImport('{"__proto__": {"format": "conformo.backup"}, "formatVersion": 1}');
    expect(topLevel).toMatchObject({ ok: false, errors: [{ code: 'forbiddenKey' }] });
  });

  it('refuses deep nesting before validating, without exhausting the stack', () => {
    const deep = backup();
    let node: any = {};
    deep.assessments[0].answers[0].value = node;
    for (let i = 0; i < 100_000; i += 1) {
      node.next = {};
      node = node.next;
    }
    expect(errorsOf(deep)).toMatchObject([{ code: 'tooDeep' }]);
    const text = `{"format":"conformo.backup","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(parseImport(text)).toMatchObject({ ok: false, errors: [{ code: 'tooDeep' }] });
  });

  it('keeps strings strings: a number, an object or an array where text belongs is a located error', () => {
    const data = backup();
    data.assessments[0].assessment.title = 42;
    data.assessments[0].answers[0].comment = { toString: 'x' };
    data.assessments[0].answers[1].value = { nested: true };
    data.assessments[0].evidence[0].size = '29';
    const pointers = errorsOf(data).map((e) => `${e.pointer} ${e.code}`);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/assessments/0/assessment/title schema',
        '/assessments/0/answers/0/comment schema',
        '/assessments/0/answers/1/value schema',
        '/assessments/0/evidence/0/size schema',
      ]),
    );
    // One error for a value that fits none of the answer types, not one per type.
    expect(pointers.filter((p) => p.startsWith('/assessments/0/answers/1/value'))).toHaveLength(1);
  });

  it('names unknown fields, missing fields, bad dates and bad statuses', () => {
    const data = backup();
    data.assessments[0].assessment.owner = 'someone';
    delete data.assessments[0].assessment.updated;
    data.assessments[0].answers[0].updated = 'yesterday';
    data.assessments[0].assessment.status = 'approved';
    data.extra = true;
    const errors = errorsOf(data);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/assessments/0/assessment/owner', code: 'unknownProperty' }),
        expect.objectContaining({ pointer: '/extra', code: 'unknownProperty' }),
        expect.objectContaining({ pointer: '/assessments/0/assessment', code: 'schema' }),
        expect.objectContaining({ pointer: '/assessments/0/answers/0/updated', code: 'schema' }),
        expect.objectContaining({ pointer: '/assessments/0/assessment/status', code: 'schema' }),
      ]),
    );
  });

  it('refuses duplicate ids, an evidence file over the limit, and base64 of the wrong length', () => {
    const data = backup();
    data.assessments[1].assessment.id = data.assessments[0].assessment.id;
    data.assessments[0].answers[1].questionId = 'art4-literacy';
    data.assessments[0].evidence[1].id = 'ev-0001';
    expect(errorsOf(data)).toEqual([
      { pointer: '/assessments/0/answers/1/questionId', code: 'duplicateAnswer', params: { id: 'art4-literacy' } },
      { pointer: '/assessments/0/evidence/1/id', code: 'duplicateEvidence', params: { id: 'ev-0001' } },
      {
        pointer: '/assessments/1/assessment/id',
        code: 'duplicateAssessment',
        params: { id: '11111111-1111-4111-8111-111111111111' },
      },
    ]);
    const huge = backup();
    huge.assessments[0].evidence[0].size = MAX_EVIDENCE_BYTES + 1;
    expect(errorsOf(huge)).toEqual([
      { pointer: '/assessments/0/evidence/0/size', code: 'evidenceTooLarge', params: { max: MAX_EVIDENCE_BYTES } },
    ]);
    const short = backup();
    short.assessments[0].evidence[0].data = short.assessments[0].evidence[0].data.slice(4);
    expect(errorsOf(short)).toMatchObject([{ pointer: '/assessments/0/evidence/0/data', code: 'evidenceSize' }]);
  });
});

describe('evidence in a backup', () => {
  it('decodes every file and proves it against its SHA-256', async () => {
    const result = restoreImport(backup());
    if (!result.ok) throw new Error('fixture invalid');
    const verified = await verifyEvidence(result.value);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const bytes = verified.value[0]?.evidence[1]?.bytes;
    expect(Array.from(bytes ?? [])).toEqual(Array.from({ length: 256 }, (_, i) => i));
    expect(verified.value[0]?.evidence[0]).not.toHaveProperty('data');
  });

  it('refuses a file whose content does not match its hash, naming the file', async () => {
    const data = backup();
    const original = data.assessments[0].evidence[0].data as string;
    data.assessments[0].evidence[0].data = `${original.slice(0, 4)}${original[4] === 'A' ? 'B' : 'A'}${original.slice(5)}`;
    const result = restoreImport(data);
    if (!result.ok) throw new Error('should pass structural checks');
    expect(await verifyEvidence(result.value)).toEqual({
      ok: false,
      errors: [
        {
          pointer: '/assessments/0/evidence/0/data',
          code: 'evidenceHash',
          params: { name: 'politique-ia.txt' },
        },
      ],
    });
  });
});

describe('base64 and content keys', () => {
  it('round-trips every byte value and every length, strictly', async () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 24_577, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodedLength(text)).toBe(length);
      expect(base64ToBytes(text)).toEqual(bytes);
    }
    expect(base64ToBytes('ab$d')).toBeUndefined();
    expect(base64ToBytes('abc')).toBeUndefined();
    expect(base64ToBytes('ab d')).toBeUndefined();
    expect(base64ToBytes('=abc')).toBeUndefined();
    expect(await sha256OfBytes(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives the same key to the same content in any answer order, and compares instants', () => {
    const result = restoreImport(backup());
    if (!result.ok) throw new Error('fixture invalid');
    const entry = result.value.entries[0];
    if (!entry) throw new Error('no entry');
    const reordered = { ...entry, answers: [...entry.answers].reverse() };
    expect(contentKey(reordered, 'full')).toBe(contentKey(entry, 'full'));
    const commented = { ...entry, answers: entry.answers.map((a) => ({ ...a, comment: 'changed' })) };
    expect(contentKey(commented, 'answers')).not.toBe(contentKey(entry, 'answers'));
    const noHistory = { ...entry, history: [], evidence: [] };
    expect(contentKey(noHistory, 'answers')).toBe(contentKey(entry, 'answers'));
    expect(contentKey(noHistory, 'full')).not.toBe(contentKey(entry, 'full'));
    expect(isLater('2026-03-02T11:00:00.000Z', '2026-03-02T12:00:00.000+02:00')).toBe(true);
    expect(isLater('2026-03-02T11:00:00.000Z', '2026-03-02T11:00:00Z')).toBe(false);
  });
});
