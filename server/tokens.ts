import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { isShareId, TEAM_ROLES, type TeamRole } from '../src/engine/team-document';
import type { Invitation, Store } from './store/types';

/** What an invitation token carries (docs/team-mode.md, Invitations). */
export interface InvitationClaims {
  sub: string;
  name: string;
  role: TeamRole;
  share: string;
  jti: string;
}

/** Why a token is refused: stable codes the app shows (docs/team-mode.md, Errors). */
export type TokenRefusal = 'unauthorized' | 'expired' | 'revoked' | 'forbidden';

export type Verified =
  | { ok: true; claims: InvitationClaims; invitation: Invitation }
  | { ok: false; error: TokenRefusal };

const ALGORITHM = 'HS256';
const DAY_MS = 24 * 60 * 60 * 1000;

/** 22 characters of base64url: 128 random bits, the shape of share ids, person ids and token ids. */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}

export async function signInvitation(
  secret: Uint8Array,
  invitation: Pick<Invitation, 'jti' | 'shareId' | 'personId' | 'name' | 'role' | 'expires'>,
): Promise<string> {
  return new SignJWT({ name: invitation.name, role: invitation.role, share: invitation.shareId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(invitation.personId)
    .setJti(invitation.jti)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.parse(invitation.expires) / 1000))
    .sign(secret);
}

/** Makes, stores and signs an invitation to a share. */
export async function invite(
  store: Store,
  secret: Uint8Array,
  request: { shareId: string; name: string; role: TeamRole; days: number },
  now = new Date(),
): Promise<{ invitation: Invitation; token: string }> {
  const invitation: Invitation = {
    jti: randomId(),
    shareId: request.shareId,
    personId: randomId(),
    name: request.name,
    role: request.role,
    expires: new Date(now.getTime() + request.days * DAY_MS).toISOString(),
    created: now.toISOString(),
    revoked: false,
  };
  await store.addInvitation(invitation);
  return { invitation, token: await signInvitation(secret, invitation) };
}

function claimsOf(payload: Record<string, unknown>): InvitationClaims | undefined {
  const { sub, name, role, share, jti } = payload;
  if (typeof sub !== 'string' || typeof name !== 'string' || typeof jti !== 'string') return undefined;
  if (typeof share !== 'string' || !isShareId(share)) return undefined;
  const knownRole = TEAM_ROLES.find((r) => r === role);
  return knownRole ? { sub, name, role: knownRole, share, jti } : undefined;
}

/**
 * Checks a token's signature, expiry and shape, then the server's own record of it: a token the server did not
 * make, or one revoked since, is refused even when its signature holds. The role and name are the stored ones.
 */
export async function verifyInvitation(
  store: Store,
  secret: Uint8Array,
  token: string | undefined,
  shareId: string,
): Promise<Verified> {
  if (!token) return { ok: false, error: 'unauthorized' };
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], requiredClaims: ['exp', 'jti', 'sub'] }));
  } catch (error) {
    return { ok: false, error: error instanceof errors.JWTExpired ? 'expired' : 'unauthorized' };
  }
  const claims = claimsOf(payload);
  if (!claims) return { ok: false, error: 'unauthorized' };
  const invitation = await store.getInvitation(claims.jti);
  if (!invitation || invitation.shareId !== claims.share || invitation.personId !== claims.sub) {
    return { ok: false, error: 'unauthorized' };
  }
  if (invitation.revoked) return { ok: false, error: 'revoked' };
  if (Date.parse(invitation.expires) <= Date.now()) return { ok: false, error: 'expired' };
  if (claims.share !== shareId) return { ok: false, error: 'forbidden' };
  return { ok: true, claims: { ...claims, name: invitation.name, role: invitation.role }, invitation };
}

export function joinLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/#/join/${token}`;
}
