import { decodeJwt } from 'jose';
import type { TeamPerson, TeamRole } from '../engine/team-document';
import type { SignOff } from '../engine/types';

/**
 * The team server's HTTP API (docs/team-mode.md), always on the app's own origin: the server serves the app, so
 * the Content-Security-Policy keeps `connect-src 'self'` and nothing goes anywhere else.
 */

export class TeamApiError extends Error {
  constructor(
    /** The server's stable error code (docs/team-mode.md), or `unreachable` when there is no answer at all. */
    readonly code: string,
    readonly status = 0,
  ) {
    super(`team server: ${code}`);
    this.name = 'TeamApiError';
  }
}

export interface ShareInfo {
  shareId: string;
  revision: number;
  revisions: { revision: number; signOff?: TeamSignOff }[];
  people: { name: string; role: TeamRole }[];
  you: TeamPerson & { role: TeamRole };
  appInvites: boolean;
}

export interface TeamSignOff extends SignOff {
  revision: number;
  signer: TeamPerson & { role: TeamRole };
}

export interface Invitation {
  jti: string;
  token: string;
  link: string;
  expires: string;
}

async function call<T>(origin: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${origin}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new TeamApiError('unreachable');
  }
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok)
    throw new TeamApiError(typeof data.error === 'string' ? data.error : 'serverError', response.status);
  return data as T;
}

export function getShare(origin: string, token: string, shareId: string): Promise<ShareInfo> {
  return call(origin, token, 'GET', `/shares/${encodeURIComponent(shareId)}`);
}

export function createInvitation(
  origin: string,
  token: string,
  shareId: string,
  invitation: { name: string; role: TeamRole; days?: number },
): Promise<Invitation> {
  return call(origin, token, 'POST', `/shares/${encodeURIComponent(shareId)}/invitations`, invitation);
}

/** An invitation as the owner sees it in the list; never its token, which only its recipient has. */
export interface InvitationEntry {
  jti: string;
  name: string;
  role: TeamRole;
  expires: string;
  revoked: boolean;
  /** The invitation this device joined with: revoking it would lock the owner out. */
  yours: boolean;
}

export async function listInvitations(origin: string, token: string, shareId: string): Promise<InvitationEntry[]> {
  const listed = await call<Omit<InvitationEntry, 'yours'>[]>(
    origin,
    token,
    'GET',
    `/shares/${encodeURIComponent(shareId)}/invitations`,
  );
  const own = ownInvitationId(token);
  return listed.map((invitation) => ({ ...invitation, yours: invitation.jti === own }));
}

export function revokeInvitation(origin: string, token: string, shareId: string, jti: string): Promise<unknown> {
  return call(
    origin,
    token,
    'POST',
    `/shares/${encodeURIComponent(shareId)}/invitations/${encodeURIComponent(jti)}/revoke`,
    {},
  );
}

function ownInvitationId(token: string): string | undefined {
  try {
    return decodeJwt(token).jti;
  } catch {
    return undefined;
  }
}

export function signOffOnServer(
  origin: string,
  token: string,
  shareId: string,
  signOff: Pick<SignOff, 'name' | 'role' | 'date' | 'statement' | 'contentHash'> & { revision: number },
): Promise<TeamSignOff> {
  return call(origin, token, 'POST', `/shares/${encodeURIComponent(shareId)}/sign-off`, signOff);
}

export function reopenOnServer(origin: string, token: string, shareId: string): Promise<{ revision: number }> {
  return call(origin, token, 'POST', `/shares/${encodeURIComponent(shareId)}/reopen`, {});
}

/** Whether a team server answers on this origin (it serves the app), without any token. */
export async function teamServerHere(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/api/health`);
    return response.ok && ((await response.json()) as { ok?: boolean }).ok === true;
  } catch {
    return false;
  }
}

/** What an invitation says about itself, read without checking it: the server checks it on every use. */
export function readInvitation(token: string): { shareId: string; person: TeamPerson; role: TeamRole } | undefined {
  try {
    const { sub, name, role, share } = decodeJwt(token);
    if (typeof sub !== 'string' || typeof name !== 'string' || typeof share !== 'string') return undefined;
    if (role !== 'owner' && role !== 'editor' && role !== 'reviewer' && role !== 'validator') return undefined;
    return { shareId: share, person: { id: sub, name }, role };
  } catch {
    return undefined;
  }
}

export async function uploadEvidence(origin: string, token: string, shareId: string, sha256: string, blob: Blob) {
  let response: Response;
  try {
    response = await fetch(`${origin}/api/shares/${encodeURIComponent(shareId)}/evidence/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: blob,
    });
  } catch {
    throw new TeamApiError('unreachable');
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => ({}))) as { error?: string };
    throw new TeamApiError(data.error ?? 'serverError', response.status);
  }
}

export async function downloadEvidence(origin: string, token: string, shareId: string, sha256: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${origin}/api/shares/${encodeURIComponent(shareId)}/evidence/${sha256}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    throw new TeamApiError('unreachable');
  }
  if (!response.ok) throw new TeamApiError('notFound', response.status);
  return response.blob();
}
