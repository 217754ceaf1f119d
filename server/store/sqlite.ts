import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompactionMarks } from './compaction';
import { type InvitationRow, invitationOf, type RevisionRow, revisionOf } from './rows';
import { schema } from './schema';
import type { Invitation, Share, Store, TeamSignOff } from './types';

/**
 * The embedded store: one SQLite file. better-sqlite3 is synchronous, so an update is committed before the client's
 * write is acknowledged, and a kill -9 loses nothing acknowledged (WAL; synchronous=NORMAL survives a process
 * crash, FULL also a power cut, at a cost per update).
 */
/** better-sqlite3 binds Buffers, not plain Uint8Arrays: a view over the same bytes, no copy. */
function blob(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function openSqliteStore(file: string): Store {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(schema('sqlite'));
  const instance = randomUUID();
  const marks = new CompactionMarks();

  const q = {
    createShare: db.prepare('INSERT INTO shares (share_id, created, revision) VALUES (?, ?, ?)'),
    addFirstRevision: db.prepare('INSERT INTO revisions (share_id, revision, created) VALUES (?, ?, ?)'),
    getShare: db.prepare('SELECT share_id, created, revision FROM shares WHERE share_id = ?'),
    addInvitation: db.prepare(
      'INSERT INTO invitations (jti, share_id, person_id, name, role, expires, created, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    getInvitation: db.prepare('SELECT * FROM invitations WHERE jti = ?'),
    listInvitations: db.prepare('SELECT * FROM invitations WHERE share_id = ? ORDER BY created, jti'),
    revoke: db.prepare('UPDATE invitations SET revoked = 1 WHERE share_id = ? AND jti = ?'),
    listRevisions: db.prepare('SELECT revision, created, sign_off FROM revisions WHERE share_id = ? ORDER BY revision'),
    getRevision: db.prepare('SELECT revision, created, sign_off FROM revisions WHERE share_id = ? AND revision = ?'),
    seal: db.prepare('UPDATE revisions SET sign_off = ? WHERE share_id = ? AND revision = ? AND sign_off IS NULL'),
    addRevision: db.prepare('INSERT OR IGNORE INTO revisions (share_id, revision, created) VALUES (?, ?, ?)'),
    setCurrent: db.prepare('UPDATE shares SET revision = ? WHERE share_id = ? AND revision < ?'),
    putEvidence: db.prepare(
      'INSERT OR IGNORE INTO evidence (share_id, sha256, size, added, bytes) VALUES (?, ?, ?, ?, ?)',
    ),
    getEvidence: db.prepare('SELECT bytes FROM evidence WHERE share_id = ? AND sha256 = ?'),
    getState: db.prepare('SELECT state FROM documents WHERE name = ?'),
    getUpdates: db.prepare('SELECT id, data FROM document_updates WHERE name = ? ORDER BY id'),
    appendUpdate: db.prepare('INSERT INTO document_updates (name, instance, data) VALUES (?, ?, ?)'),
    putState: db.prepare(
      'INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state',
    ),
    dropUpdates: db.prepare('DELETE FROM document_updates WHERE name = ? AND (id <= ? OR (instance = ? AND id <= ?))'),
  };

  const createShare = db.transaction((share: Share) => {
    q.createShare.run(share.shareId, share.created, share.revision);
    q.addFirstRevision.run(share.shareId, share.revision, share.created);
  });
  const addRevision = db.transaction((shareId: string, revision: number, created: string) => {
    if (q.addRevision.run(shareId, revision, created).changes === 0) return false;
    q.setCurrent.run(revision, shareId, revision);
    return true;
  });
  const storeDocument = db.transaction((name: string, state: Uint8Array, covered: { loaded: number; own: number }) => {
    q.putState.run(name, blob(state));
    q.dropUpdates.run(name, covered.loaded, instance, covered.own);
  });

  return {
    async createShare(share) {
      createShare(share);
    },
    async getShare(shareId) {
      const row = q.getShare.get(shareId) as { share_id: string; created: string; revision: number } | undefined;
      return row && { shareId: row.share_id, created: row.created, revision: row.revision };
    },
    async addInvitation(i: Invitation) {
      q.addInvitation.run(i.jti, i.shareId, i.personId, i.name, i.role, i.expires, i.created, i.revoked ? 1 : 0);
    },
    async getInvitation(jti) {
      const row = q.getInvitation.get(jti) as InvitationRow | undefined;
      return row && invitationOf(row);
    },
    async listInvitations(shareId) {
      return (q.listInvitations.all(shareId) as InvitationRow[]).map(invitationOf);
    },
    async revokeInvitation(shareId, jti) {
      return q.revoke.run(shareId, jti).changes > 0;
    },
    async listRevisions(shareId) {
      return (q.listRevisions.all(shareId) as RevisionRow[]).map(revisionOf);
    },
    async getRevision(shareId, revision) {
      const row = q.getRevision.get(shareId, revision) as RevisionRow | undefined;
      return row && revisionOf(row);
    },
    async sealRevision(shareId, signOff: TeamSignOff) {
      return q.seal.run(JSON.stringify(signOff), shareId, signOff.revision).changes > 0;
    },
    async addRevision(shareId, revision, created) {
      return addRevision(shareId, revision, created);
    },
    async putEvidence(shareId, sha256, bytes, added) {
      q.putEvidence.run(shareId, sha256, bytes.byteLength, added, blob(bytes));
    },
    async getEvidence(shareId, sha256) {
      const row = q.getEvidence.get(shareId, sha256) as { bytes: Buffer } | undefined;
      return row && new Uint8Array(row.bytes);
    },
    async loadDocument(name) {
      const state = q.getState.get(name) as { state: Buffer } | undefined;
      const updates = q.getUpdates.all(name) as { id: number; data: Buffer }[];
      marks.markLoaded(name, updates.at(-1)?.id ?? 0);
      return [...(state ? [state.state] : []), ...updates.map((u) => u.data)].map((b) => new Uint8Array(b));
    },
    appendUpdate(name, update) {
      marks.markOwn(name, Number(q.appendUpdate.run(name, instance, blob(update)).lastInsertRowid));
    },
    async storeDocument(name, state) {
      storeDocument(name, state, marks.covered(name));
    },
    async close() {
      db.close();
    },
  };
}
