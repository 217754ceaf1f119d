import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors';
import {
  getAssessment,
  listAnswers,
  onTakenElsewhere,
  openStorage,
  saveAnswers,
  selectDatabase,
  type TakenElsewhere,
} from '../../src/storage/repository';
import { freshDatabase, seedAssessment } from '../fixtures/seed';

let name: string;
beforeEach(() => {
  name = freshDatabase('repository');
});

describe('storage', () => {
  it('keeps an assessment and its answers across a reopen (a reload)', async () => {
    const created = await seedAssessment({ answers: { role: 'provider' } });
    selectDatabase(name);
    expect((await getAssessment(created.id))?.title).toBe('Triage 2026');
    expect((await listAnswers(created.id)).map((a) => [a.questionId, a.value])).toEqual([['role', 'provider']]);
  });

  it('merges field by field: the answer, the justification and the comment never overwrite each other', async () => {
    const { id } = await seedAssessment();
    await saveAnswers([{ assessmentId: id, questionId: 'q', value: 'notApplicable' }]);
    await saveAnswers([{ assessmentId: id, questionId: 'q', comment: 'see policy' }]);
    await saveAnswers([{ assessmentId: id, questionId: 'q', justification: 'internal use only' }]);
    const [answer] = await listAnswers(id);
    expect(answer).toMatchObject({ value: 'notApplicable', comment: 'see policy', justification: 'internal use only' });
  });

  it('clears a value on null and marks the assessment in progress with a new timestamp', async () => {
    const created = await seedAssessment();
    await saveAnswers([{ assessmentId: created.id, questionId: 'q', value: 3 }], new Date('2030-01-01T00:00:00Z'));
    await saveAnswers([{ assessmentId: created.id, questionId: 'q', value: null }], new Date('2030-01-02T00:00:00Z'));
    const [answer] = await listAnswers(created.id);
    expect(answer && 'value' in answer).toBe(false);
    expect(await getAssessment(created.id)).toMatchObject({
      status: 'inProgress',
      updated: '2030-01-02T00:00:00.000Z',
    });
  });

  it('stores hostile and huge strings unchanged', async () => {
    const { id } = await seedAssessment();
    const hostile = `<img src=x onerror=alert(1)>\u202e${'x'.repeat(100_000)}`;
    await saveAnswers([{ assessmentId: id, questionId: '__proto__', value: hostile, comment: hostile }]);
    const [answer] = await listAnswers(id);
    expect(answer?.value).toBe(hostile);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const newer = new Dexie(name);
    newer.version(5).stores({ assessments: 'id', answers: '[assessmentId+questionId]', future: 'id' });
    await newer.open();
    await newer.table('future').add({ id: 'kept' });
    newer.close();

    selectDatabase(name);
    await expect(openStorage()).rejects.toMatchObject({ problem: 'newerVersion' });
    await expect(openStorage()).rejects.toBeInstanceOf(StorageError);

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(5);
    expect(await again.table('future').get('kept')).toEqual({ id: 'kept' });
    again.close();
  });

  it('closes for good when another tab erases the database, so that no write brings it back', async () => {
    await openStorage();
    const { id } = await seedAssessment({ answers: { q1: 'before' } });
    const heard: TakenElsewhere[] = [];
    const stop = onTakenElsewhere((reason) => heard.push(reason));

    await Dexie.delete(name);
    stop();

    expect(heard).toEqual(['erased']);
    await expect(
      saveAnswers([{ assessmentId: id, questionId: 'q1', value: 'after', at: new Date().toISOString() }]),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('closes for good when a newer version upgrades the database in another tab, and leaves its version alone', async () => {
    await openStorage();
    const heard: TakenElsewhere[] = [];
    const stop = onTakenElsewhere((reason) => heard.push(reason));

    const newer = new Dexie(name);
    newer.version(5).stores({ assessments: 'id', answers: '[assessmentId+questionId]', future: 'id' });
    await newer.open();
    newer.close();
    stop();

    expect(heard).toEqual(['upgraded']);
    await expect(getAssessment('any')).rejects.toBeInstanceOf(StorageError);
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(5);
    again.close();
  });
});
