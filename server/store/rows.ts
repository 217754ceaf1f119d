import { TEAM_ROLES, type TeamRole } from '../../src/engine/team-document';
import type { Invitation, Revision, TeamSignOff } from './types';

/** Rows as both databases return them, turned into the store's types in one place. */
export interface InvitationRow {
  jti: string;
  share_id: string;
  person_id: string;
  name: string;
  role: string;
  expires: string;
  created: string;
  revoked: number | boolean;
}

export interface RevisionRow {
  revision: number;
  created: string;
  sign_off: string | null;
}

function role(text: string): TeamRole {
  const found = TEAM_ROLES.find((r) => r === text);
  if (!found) throw new Error(`Stored invitation has an unknown role: ${text}`);
  return found;
}

export function invitationOf(row: InvitationRow): Invitation {
  return {
    jti: row.jti,
    shareId: row.share_id,
    personId: row.person_id,
    name: row.name,
    role: role(row.role),
    expires: row.expires,
    created: row.created,
    revoked: Boolean(row.revoked),
  };
}

export function revisionOf(row: RevisionRow): Revision {
  const revision: Revision = { revision: Number(row.revision), created: row.created };
  if (row.sign_off) revision.signOff = JSON.parse(row.sign_off) as TeamSignOff;
  return revision;
}
