import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/engine/canonical';
import type { HistoryRecord } from '../../src/engine/records';
import { verifySignOff } from '../../src/engine/sign-off-signature';
import { signedContent } from '../../src/engine/signed-content';
import { addEvidence, getEvidence, listEvidence, MAX_EVIDENCE_BYTES, removeEvidence } from '../../src/storage/evidence';
import {
  deleteAssessment,
  duplicateAssessment,
  reopenAssessment,
  restoreSnapshot,
  setArchived,
  signOffAssessment,
  updateDetails,
} from '../../src/storage/lifecycle';
import { db, getAssessment, listAnswers, saveAnswers } from '../../src/storage/repository';
import { freshDatabase, seedAssessment } from '../fixtures/seed';

beforeEach(() => freshDatabase('lifecycle'));

const history = (assessmentId: string, questionId: string): Promise<HistoryRecord[]> =>
  db().history.where('[assessmentId+questionId]').equals([assessmentId, questionId]).toArray();

describe('answer history', () => {
  it('records when, before and after for every change', async () => {
    const { id } = await seedAssessment();
    await saveAnswers([{ assessmentId: id, questionId: 'q', value: 'conform' }], new Date('2026-01-01T10:00:00Z'));
    await saveAnswers(
      [{ assessmentId: id, questionId: 'q', value: 'partial', comment: 'gap' }],
      new Date('2026-01-02T10:00:00Z'),
    );
    expect(await history(id, 'q')).toMatchObject([
      { at: '2026-01-01T10:00:00.000Z', before: {}, after: { value: 'conform' } },
      { at: '2026-01-02T10:00:00.000Z', before: { value: 'conform' }, after: { value: 'partial', comment: 'gap' } },
    ]);
  });

  it('merges a burst of typing into one entry, and records nothing when nothing changed', async () => {
    const { id } = await seedAssessment();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));
    for (const [i, text] of ['R', 'Ri', 'Ris', 'Risk'].entries()) {
      await saveAnswers([{ assessmentId: id, questionId: 'q', comment: text }], at(i * 5));
    }
    await saveAnswers([{ assessmentId: id, questionId: 'q', comment: 'Risk' }], at(30));
    expect(await history(id, 'q')).toMatchObject([
      { before: {}, after: { comment: 'Risk' }, at: at(15).toISOString() },
    ]);
  });
});

describe('lifecycle', () => {
  it('renames and archives', async () => {
    const { id } = await seedAssessment();
    await updateDetails(id, { title: 'Triage 2027', assessor: 'B. Klein' });
    await setArchived(id, true);
    expect(await getAssessment(id)).toMatchObject({ title: 'Triage 2027', assessor: 'B. Klein', archived: true });
  });

  it('re-assesses: a duplicate carries answers and evidence forward, marked until confirmed', async () => {
    const { id } = await seedAssessment({ answers: { q1: { value: 'conform', comment: 'policy v2' }, q2: 'partial' } });
    await addEvidence(id, 'q1', new File(['policy'], 'policy.pdf', { type: 'application/pdf' }));
    const copy = await duplicateAssessment(id, 'Triage 2027');
    expect(copy).toMatchObject({ title: 'Triage 2027', previousId: id, revision: 1, status: 'inProgress' });
    expect((await listAnswers(copy.id)).map((a) => [a.questionId, a.value, a.carriedOver])).toEqual([
      ['q1', 'conform', true],
      ['q2', 'partial', true],
    ]);
    expect((await listEvidence(copy.id)).map((e) => e.name)).toEqual(['policy.pdf']);
    await saveAnswers([{ assessmentId: copy.id, questionId: 'q1', confirm: true }]);
    await saveAnswers([{ assessmentId: copy.id, questionId: 'q2', value: 'conform' }]);
    expect((await listAnswers(copy.id)).map((a) => a.carriedOver)).toEqual([undefined, undefined]);
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['conform', 'partial']);
  });

  it('deletes everything an assessment owns, and an undo brings all of it back', async () => {
    const { id } = await seedAssessment({ answers: { q: 'conform' } });
    await addEvidence(id, 'q', new File(['x'], 'x.txt'));
    const snapshot = await deleteAssessment(id);
    expect(await getAssessment(id)).toBeUndefined();
    expect(await listAnswers(id)).toEqual([]);
    expect(await listEvidence(id)).toEqual([]);
    await restoreSnapshot(snapshot ?? (undefined as never));
    expect((await getAssessment(id))?.title).toBe('Triage 2026');
    expect((await listAnswers(id)).map((a) => a.value)).toEqual(['conform']);
    expect(await history(id, 'q')).toHaveLength(1);
    expect(await listEvidence(id)).toHaveLength(1);
  });
});

describe('sign-off', () => {
  it('makes the assessment read-only, records its content hash, and reopening starts a new revision', async () => {
    const { id } = await seedAssessment({ answers: { q: { value: 'partial', comment: 'action plan' } } });
    const signOff = await signOffAssessment(id, {
      name: 'Dr. B. Klein',
      role: 'DPO',
      date: '2026-11-29',
      statement: 'Reviewed.',
    });
    const signed = await getAssessment(id);
    expect(signed).toMatchObject({ status: 'signed', signOff });
    expect(signOff.contentHash).toBe(
      await sha256Hex(signedContent({ assessment: signed as never, answers: await listAnswers(id) })),
    );

    const before = await listAnswers(id);
    const change = { assessmentId: id, questionId: 'q', value: 'conform' };
    expect(await saveAnswers([change])).toEqual({ written: [], refused: [change] });
    expect(await listAnswers(id)).toEqual(before);
    await expect(updateDetails(id, { title: 'changed' })).rejects.toMatchObject({ problem: 'readOnly' });
    await expect(addEvidence(id, 'q', new File(['x'], 'x.txt'))).rejects.toMatchObject({ problem: 'readOnly' });
    await expect(
      signOffAssessment(id, { name: 'x', role: 'y', date: '2026-11-29', statement: 'z' }),
    ).rejects.toMatchObject({ problem: 'readOnly' });

    const next = await reopenAssessment(id);
    expect(next).toMatchObject({ revision: 2, previousId: id, status: 'inProgress' });
    await saveAnswers([{ assessmentId: next.id, questionId: 'q', value: 'conform' }]);
    expect((await listAnswers(id))[0]?.value).toBe('partial');
    expect((await getAssessment(id))?.signOff?.contentHash).toBe(signOff.contentHash);
  });

  it("signs every sign-off with this device's key, whose private half cannot be read out", async () => {
    const input = { name: 'Dr. B. Klein', role: 'DPO', date: '2026-11-29', statement: 'Reviewed.' };
    const first = await signOffAssessment((await seedAssessment({ answers: { q: 'conform' } })).id, input);
    const second = await signOffAssessment((await seedAssessment({ answers: { q: 'partial' } })).id, input);
    expect(await verifySignOff(first)).toBe('valid');
    expect(await verifySignOff(second)).toBe('valid');
    expect(second.signature?.publicKey).toBe(first.signature?.publicKey);
    const stored = await db().keys.get('sign-off');
    expect(stored?.keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', stored?.keys.privateKey as CryptoKey)).rejects.toThrow();
  });
});

describe('evidence files', () => {
  it('stores a file with its SHA-256 and gives back the same bytes', async () => {
    const { id } = await seedAssessment();
    const info = await addEvidence(id, 'q', new File(['risk register v3'], 'register.csv', { type: 'text/csv' }));
    expect(info).toMatchObject({ name: 'register.csv', type: 'text/csv', size: 16 });
    expect(info.sha256).toBe(await sha256Hex('risk register v3'));
    const stored = await getEvidence(info.id);
    expect(await stored?.blob.text()).toBe('risk register v3');
    await removeEvidence(info.id);
    expect(await getEvidence(info.id)).toBeUndefined();
  });

  it('refuses a file over 25 MB with a clear problem, before reading it', async () => {
    const { id } = await seedAssessment();
    const huge = { name: 'video.mp4', size: MAX_EVIDENCE_BYTES + 1, type: 'video/mp4' } as unknown as File;
    await expect(addEvidence(id, 'q', huge)).rejects.toMatchObject({ problem: 'tooLarge' });
    expect(await listEvidence(id)).toEqual([]);
  });
});
