/**
 * The tables, the same in SQLite and PostgreSQL except for the binary type and the identity column. Times are ISO
 * strings; sign-offs are JSON (they are read and written whole).
 */
export function schema(dialect: 'sqlite' | 'postgres'): string {
  const bytes = dialect === 'sqlite' ? 'BLOB' : 'BYTEA';
  const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  return `
CREATE TABLE IF NOT EXISTS shares (
  share_id TEXT PRIMARY KEY,
  created TEXT NOT NULL,
  revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  share_id TEXT NOT NULL REFERENCES shares(share_id),
  revision INTEGER NOT NULL,
  created TEXT NOT NULL,
  sign_off TEXT,
  PRIMARY KEY (share_id, revision)
);
CREATE TABLE IF NOT EXISTS invitations (
  jti TEXT PRIMARY KEY,
  share_id TEXT NOT NULL REFERENCES shares(share_id),
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  expires TEXT NOT NULL,
  created TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS invitations_by_share ON invitations(share_id);
CREATE TABLE IF NOT EXISTS evidence (
  share_id TEXT NOT NULL REFERENCES shares(share_id),
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  added TEXT NOT NULL,
  bytes ${bytes} NOT NULL,
  PRIMARY KEY (share_id, sha256)
);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state ${bytes} NOT NULL
);
CREATE TABLE IF NOT EXISTS document_updates (
  id ${serial},
  name TEXT NOT NULL,
  instance TEXT NOT NULL,
  data ${bytes} NOT NULL
);
CREATE INDEX IF NOT EXISTS document_updates_by_name ON document_updates(name, id);
`;
}
