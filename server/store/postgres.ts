import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { CompactionMarks, mergeStates } from './compaction';
import { type InvitationRow, invitationOf, type RevisionRow, revisionOf } from './rows';
import { schema } from './schema';
import type { Share, Store } from './types';

/**
 * The store of several instances: one PostgreSQL database they all use. Each instance logs the updates its own
 * clients send; a stored state is merged with the one already there, so two instances storing the same document
 * never lose each other's work.
 */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 8 });
  // Two instances starting together both create the tables: one at a time.
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(727001)');
    await client.query(schema('postgres'));
  });
  const instance = randomUUID();
  const marks = new CompactionMarks();
  const one = async <T>(sql: string, values: unknown[]): Promise<T | undefined> =>
    (await pool.query(sql, values)).rows[0] as T | undefined;
  const all = async <T>(sql: string, values: unknown[]): Promise<T[]> => (await pool.query(sql, values)).rows as T[];

  return {
    async createShare(share: Share) {
      await withTransaction(pool, async (client) => {
        await client.query('INSERT INTO shares (share_id, created, revision) VALUES ($1, $2, $3)', [
          share.shareId,
          share.created,
          share.revision,
        ]);
        await client.query('INSERT INTO revisions (share_id, revision, created) VALUES ($1, $2, $3)', [
          share.shareId,
          share.revision,
          share.created,
        ]);
      });
    },
    async getShare(shareId) {
      const row = await one<{ share_id: string; created: string; revision: number }>(
        'SELECT share_id, created, revision FROM shares WHERE share_id = $1',
        [shareId],
      );
      return row && { shareId: row.share_id, created: row.created, revision: row.revision };
    },
    async addInvitation(i) {
      await pool.query(
        'INSERT INTO invitations (jti, share_id, person_id, name, role, expires, created, revoked) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [i.jti, i.shareId, i.personId, i.name, i.role, i.expires, i.created, i.revoked ? 1 : 0],
      );
    },
    async getInvitation(jti) {
      const row = await one<InvitationRow>('SELECT * FROM invitations WHERE jti = $1', [jti]);
      return row && invitationOf(row);
    },
    async listInvitations(shareId) {
      return (
        await all<InvitationRow>('SELECT * FROM invitations WHERE share_id = $1 ORDER BY created, jti', [shareId])
      ).map(invitationOf);
    },
    async revokeInvitation(shareId, jti) {
      const result = await pool.query('UPDATE invitations SET revoked = 1 WHERE share_id = $1 AND jti = $2', [
        shareId,
        jti,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async listRevisions(shareId) {
      return (
        await all<RevisionRow>(
          'SELECT revision, created, sign_off FROM revisions WHERE share_id = $1 ORDER BY revision',
          [shareId],
        )
      ).map(revisionOf);
    },
    async getRevision(shareId, revision) {
      const row = await one<RevisionRow>(
        'SELECT revision, created, sign_off FROM revisions WHERE share_id = $1 AND revision = $2',
        [shareId, revision],
      );
      return row && revisionOf(row);
    },
    async sealRevision(shareId, signOff) {
      const result = await pool.query(
        'UPDATE revisions SET sign_off = $1 WHERE share_id = $2 AND revision = $3 AND sign_off IS NULL',
        [JSON.stringify(signOff), shareId, signOff.revision],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async addRevision(shareId, revision, created) {
      return withTransaction(pool, async (client) => {
        const added = await client.query(
          'INSERT INTO revisions (share_id, revision, created) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [shareId, revision, created],
        );
        if ((added.rowCount ?? 0) === 0) return false;
        await client.query('UPDATE shares SET revision = $1 WHERE share_id = $2 AND revision < $1', [
          revision,
          shareId,
        ]);
        return true;
      });
    },
    async putEvidence(shareId, sha256, bytes, added) {
      await pool.query(
        'INSERT INTO evidence (share_id, sha256, size, added, bytes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [shareId, sha256, bytes.byteLength, added, Buffer.from(bytes)],
      );
    },
    async getEvidence(shareId, sha256) {
      const row = await one<{ bytes: Buffer }>('SELECT bytes FROM evidence WHERE share_id = $1 AND sha256 = $2', [
        shareId,
        sha256,
      ]);
      return row && new Uint8Array(row.bytes);
    },
    async loadDocument(name) {
      const state = await one<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [name]);
      const updates = await all<{ id: string; data: Buffer }>(
        'SELECT id, data FROM document_updates WHERE name = $1 ORDER BY id',
        [name],
      );
      marks.markLoaded(name, Number(updates.at(-1)?.id ?? 0));
      return [...(state ? [state.state] : []), ...updates.map((u) => u.data)].map((b) => new Uint8Array(b));
    },
    async appendUpdate(name, update) {
      const row = await one<{ id: string }>(
        'INSERT INTO document_updates (name, instance, data) VALUES ($1, $2, $3) RETURNING id',
        [name, instance, Buffer.from(update)],
      );
      marks.markOwn(name, Number(row?.id ?? 0));
    },
    async storeDocument(name, state) {
      const covered = marks.covered(name);
      await withTransaction(pool, async (client) => {
        const stored = await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1 FOR UPDATE', [
          name,
        ]);
        const previous = stored.rows[0]?.state;
        const merged = mergeStates(previous && new Uint8Array(previous), state);
        await client.query(
          'INSERT INTO documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET state = excluded.state',
          [name, Buffer.from(merged)],
        );
        await client.query(
          'DELETE FROM document_updates WHERE name = $1 AND (id <= $2 OR (instance = $3 AND id <= $4))',
          [name, covered.loaded, instance, covered.own],
        );
      });
    },
    async close() {
      await pool.end();
    },
  };
}

async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
