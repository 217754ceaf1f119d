import type { TeamRole } from '../../src/engine/team-document';
import type { SignOff } from '../../src/engine/types';

/** An invitation as the server keeps it: what the token says, plus whether it was revoked. */
export interface Invitation {
  jti: string;
  shareId: string;
  personId: string;
  name: string;
  role: TeamRole;
  /** ISO time the token stops being valid. */
  expires: string;
  created: string;
  revoked: boolean;
}

/** A team sign-off: today's sign-off, the revision it seals, and who signed as the server saw them. */
export interface TeamSignOff extends SignOff {
  revision: number;
  signer: { id: string; name: string; role: TeamRole };
}

export interface Revision {
  revision: number;
  created: string;
  signOff?: TeamSignOff;
}

export interface Share {
  shareId: string;
  created: string;
  /** The latest revision, the one people work on. */
  revision: number;
}

/**
 * Everything the server keeps, behind one interface with two implementations: SQLite (one machine, the default)
 * and PostgreSQL (several instances). Documents are a compacted state plus the updates logged since, so that an
 * update is durable as soon as it is logged and the state is rewritten only now and then.
 */
export interface Store {
  createShare(share: Share): Promise<void>;
  getShare(shareId: string): Promise<Share | undefined>;

  addInvitation(invitation: Invitation): Promise<void>;
  getInvitation(jti: string): Promise<Invitation | undefined>;
  listInvitations(shareId: string): Promise<Invitation[]>;
  /** False when the share has no such invitation. */
  revokeInvitation(shareId: string, jti: string): Promise<boolean>;

  listRevisions(shareId: string): Promise<Revision[]>;
  getRevision(shareId: string, revision: number): Promise<Revision | undefined>;
  /** Records the sign-off and seals the revision; false when it was sealed already. */
  sealRevision(shareId: string, signOff: TeamSignOff): Promise<boolean>;
  /** Adds revision `revision` and makes it the share's current one; false when it exists already. */
  addRevision(shareId: string, revision: number, created: string): Promise<boolean>;

  putEvidence(shareId: string, sha256: string, bytes: Uint8Array, added: string): Promise<void>;
  getEvidence(shareId: string, sha256: string): Promise<Uint8Array | undefined>;

  /** The stored state and every update logged since, in order; empty for a new document. */
  loadDocument(name: string): Promise<Uint8Array[]>;
  /**
   * Logs one update. SQLite returns once it is committed (synchronously, before the client's write is acknowledged);
   * PostgreSQL returns a promise.
   */
  appendUpdate(name: string, update: Uint8Array): void | Promise<void>;
  /** Writes the compacted state and drops the updates this instance logged that `state` already contains. */
  storeDocument(name: string, state: Uint8Array): Promise<void>;

  close(): Promise<void>;
}
