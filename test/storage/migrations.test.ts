import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ConformoDatabase, SCHEMA_VERSION } from '../../src/storage/db';

const ASSESSMENT = {
  id: 'a1',
  questionnaireId: 'ai-literacy-prohibited',
  questionnaireVersion: '1.0.0',
  title: 'Written by an earlier schema',
  organisation: 'Org',
  aiSystem: 'System',
  assessor: 'Someone',
  status: 'inProgress',
  created: '2026-01-01T00:00:00.000Z',
  updated: '2026-01-02T00:00:00.000Z',
};
const ANSWER = { assessmentId: 'a1', questionId: 'q1', value: 'conform', updated: '2026-01-02T00:00:00.000Z' };

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
    await v1.table('assessments').add(ASSESSMENT);
    await v1.table('answers').add(ANSWER);
    v1.close();
  },
  2: async (name) => {
    const v2 = new Dexie(name);
    v2.version(2).stores({
      assessments: 'id, questionnaireId, updated',
      answers: '[assessmentId+questionId], assessmentId',
      history: '++id, assessmentId, [assessmentId+questionId]',
      evidence: 'id, assessmentId, [assessmentId+questionId]',
    });
    await v2.open();
    await v2.table('assessments').add({ ...ASSESSMENT, revision: 1 });
    await v2.table('answers').add(ANSWER);
    await v2
      .table('history')
      .add({ assessmentId: 'a1', questionId: 'q1', at: ANSWER.updated, before: {}, after: { value: 'conform' } });
    v2.close();
  },
  3: async (name) => {
    const v3 = new Dexie(name);
    v3.version(3).stores({
      assessments: 'id, questionnaireId, updated, team.shareId',
      answers: '[assessmentId+questionId], assessmentId',
      history: '++id, assessmentId, [assessmentId+questionId]',
      evidence: 'id, assessmentId, [assessmentId+questionId]',
    });
    await v3.open();
    await v3.table('assessments').add({ ...ASSESSMENT, revision: 1 });
    await v3.table('answers').add(ANSWER);
    v3.close();
  },
  4: async (name) => {
    const v4 = new Dexie(name);
    v4.version(4).stores({
      assessments: 'id, questionnaireId, updated, team.shareId',
      answers: '[assessmentId+questionId], assessmentId',
      history: '++id, assessmentId, [assessmentId+questionId]',
      evidence: 'id, assessmentId, [assessmentId+questionId]',
      keys: 'id',
    });
    await v4.open();
    await v4.table('assessments').add({ ...ASSESSMENT, revision: 1 });
    await v4.table('answers').add(ANSWER);
    v4.close();
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
      expect(await db.assessments.get('a1')).toMatchObject({
        title: 'Written by an earlier schema',
        status: 'inProgress',
        revision: 1,
      });
      expect(await db.answers.where('assessmentId').equals('a1').toArray()).toMatchObject([
        { questionId: 'q1', value: 'conform' },
      ]);
      db.close();
    },
  );

  it('keeps the answer history written by schema version 2', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await WRITERS[2]?.(name);
    const db = new ConformoDatabase(name);
    expect(await db.history.where('assessmentId').equals('a1').toArray()).toMatchObject([
      { after: { value: 'conform' } },
    ]);
    db.close();
  });

  it('finds shared assessments by their share from schema version 3 on, local ones staying as they were', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    await WRITERS[2]?.(name);
    const db = new ConformoDatabase(name);
    const team = {
      shareId: 'share-123456',
      revision: 1,
      token: 't',
      person: { id: 'p1', name: 'Ana' },
      role: 'editor',
      joined: '2026-12-03T00:00:00.000Z',
    } as const;
    await db.assessments.add({ ...ASSESSMENT, id: 'a2', status: 'inProgress', team });
    expect((await db.assessments.where('team.shareId').equals('share-123456').toArray()).map((a) => a.id)).toEqual([
      'a2',
    ]);
    expect((await db.assessments.get('a1'))?.team).toBeUndefined();
    db.close();
  });
});
