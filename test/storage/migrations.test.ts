import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ConformoDatabase, SCHEMA_VERSION } from '../../src/storage/db';

/**
 * Every schema version that ever shipped writes a database here exactly as that version did, then the current code
 * opens it. Add a case for each new version; never edit an old one.
 */
const WRITERS: Record<number, (name: string) => Promise<void>> = {
  1: async (name) => {
    const v1 = new Dexie(name);
    v1.version(1).stores({
      assessments: 'id, questionnaireId, updated',
      answers: '[assessmentId+questionId], assessmentId',
    });
    await v1.open();
    await v1.table('assessments').add({
      id: 'a1',
      questionnaireId: 'ai-literacy-prohibited',
      questionnaireVersion: '1.0.0',
      title: 'Written by schema 1',
      organisation: 'Org',
      aiSystem: 'System',
      assessor: 'Someone',
      status: 'inProgress',
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-02T00:00:00.000Z',
    });
    await v1
      .table('answers')
      .add({ assessmentId: 'a1', questionId: 'q1', value: 'conform', updated: '2026-01-02T00:00:00.000Z' });
    v1.close();
  },
};

describe('database migrations', () => {
  it('has a writer for every schema version up to the current one', () => {
    expect(Object.keys(WRITERS).map(Number)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.entries(WRITERS))(
    'opens a database written by schema version %s with nothing lost',
    async (_version, write) => {
      const name = `migration-${crypto.randomUUID()}`;
      await write(name);
      const db = new ConformoDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(await db.assessments.get('a1')).toMatchObject({ title: 'Written by schema 1', status: 'inProgress' });
      expect(await db.answers.where('assessmentId').equals('a1').toArray()).toMatchObject([
        { questionId: 'q1', value: 'conform' },
      ]);
      db.close();
    },
  );
});
