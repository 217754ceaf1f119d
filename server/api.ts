import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { MAX_EVIDENCE_BYTES } from '../src/engine/records';
import {
  canInvite,
  canSignOff,
  canWrite,
  documentName,
  readDetails,
  TEAM_ROLES,
  teamContentHash,
  writeDetails,
} from '../src/engine/team-document';
import type { Collab } from './collab';
import type { EventBus } from './events';
import { ApiError, bearerToken, readBody, readJson, sendJson, text } from './http-util';
import type { Limits } from './limits';
import { describeError, type Log } from './log';
import type { Store, TeamSignOff } from './store/types';
import { type InvitationClaims, invite, joinLink, verifyInvitation } from './tokens';

export interface ApiContext {
  store: Store;
  secret: Uint8Array;
  collab: Collab;
  events: EventBus;
  limits: Limits;
  log: Log;
  appInvites: boolean;
  publicUrl: () => string;
}

interface Call {
  request: IncomingMessage;
  response: ServerResponse;
  params: string[];
  context: ApiContext;
}

type Handler = (call: Call) => Promise<void>;

const SHARE = '([A-Za-z0-9_-]{8,64})';
const routes: [string, RegExp, Handler][] = [
  ['GET', /^\/api\/health$/, async ({ response }) => sendJson(response, 200, { ok: true })],
  ['GET', new RegExp(`^/api/shares/${SHARE}$`), describeShare],
  ['POST', new RegExp(`^/api/shares/${SHARE}/invitations$`), createInvitation],
  ['GET', new RegExp(`^/api/shares/${SHARE}/invitations$`), listInvitations],
  ['POST', new RegExp(`^/api/shares/${SHARE}/invitations/([A-Za-z0-9_-]{1,64})/revoke$`), revokeInvitation],
  ['POST', new RegExp(`^/api/shares/${SHARE}/sign-off$`), signOff],
  ['POST', new RegExp(`^/api/shares/${SHARE}/reopen$`), reopen],
  ['PUT', new RegExp(`^/api/shares/${SHARE}/evidence/([0-9a-f]{64})$`), putEvidence],
  ['GET', new RegExp(`^/api/shares/${SHARE}/evidence/([0-9a-f]{64})$`), getEvidence],
];

export async function handleApi(request: IncomingMessage, response: ServerResponse, context: ApiContext) {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  try {
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(path);
      if (!match) continue;
      if (request.method !== method) continue;
      await handler({ request, response, params: match.slice(1), context });
      return;
    }
    throw new ApiError(404, 'notFound');
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.status === 413) response.setHeader('Connection', 'close');
      sendJson(response, error.status, { error: error.code, ...error.extra });
      return;
    }
    context.log(`${request.method} ${routeName(path)} failed: ${describeError(error)}`);
    sendJson(response, 500, { error: 'serverError' });
  }
}

/** The path without its ids, for the log. */
function routeName(path: string): string {
  return path.replace(/\/shares\/[^/]+/, '/shares/:shareId').replace(/\/[0-9a-f]{64}$/, '/:sha256');
}

const STATUS = { unauthorized: 401, expired: 401, revoked: 401, forbidden: 403 } as const;

async function authorise(call: Call, allowed: (claims: InvitationClaims) => boolean): Promise<InvitationClaims> {
  const shareId = call.params[0] as string;
  const verified = await verifyInvitation(call.context.store, call.context.secret, bearerToken(call.request), shareId);
  if (!verified.ok) throw new ApiError(STATUS[verified.error], verified.error);
  if (!allowed(verified.claims)) throw new ApiError(403, 'forbidden');
  return verified.claims;
}

async function currentShare(call: Call) {
  const share = await call.context.store.getShare(call.params[0] as string);
  if (!share) throw new ApiError(404, 'notFound');
  return share;
}

async function describeShare(call: Call) {
  const you = await authorise(call, () => true);
  const { store, appInvites } = call.context;
  const share = await currentShare(call);
  const revisions = await store.listRevisions(share.shareId);
  const people = (await store.listInvitations(share.shareId))
    .filter((invitation) => !invitation.revoked)
    .map(({ name, role }) => ({ name, role }));
  sendJson(call.response, 200, {
    shareId: share.shareId,
    revision: share.revision,
    revisions: revisions.map(({ revision, signOff }) => (signOff ? { revision, signOff } : { revision })),
    people,
    you: { id: you.sub, name: you.name, role: you.role },
    appInvites,
  });
}

async function createInvitation(call: Call) {
  await authorise(call, (claims) => canInvite(claims.role));
  const { store, secret, appInvites, limits, publicUrl } = call.context;
  if (!appInvites) throw new ApiError(403, 'appInvitesDisabled');
  const body = await readJson(call.request, limits.maxJsonBytes);
  const role = TEAM_ROLES.find((r) => r === body.role);
  const days = body.days === undefined ? 14 : body.days;
  if (!role || typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366) {
    throw new ApiError(400, 'badRequest');
  }
  const shareId = call.params[0] as string;
  const made = await invite(store, secret, { shareId, name: text(body, 'name', 200), role, days });
  call.context.log(`invitation made in the app (share ${shareId}, role ${role})`);
  sendJson(call.response, 201, {
    jti: made.invitation.jti,
    token: made.token,
    link: joinLink(publicUrl(), made.token),
    expires: made.invitation.expires,
  });
}

async function listInvitations(call: Call) {
  await authorise(call, (claims) => canInvite(claims.role));
  const invitations = await call.context.store.listInvitations(call.params[0] as string);
  sendJson(
    call.response,
    200,
    invitations.map(({ jti, name, role, expires, revoked }) => ({ jti, name, role, expires, revoked })),
  );
}

async function revokeInvitation(call: Call) {
  await authorise(call, (claims) => canInvite(claims.role));
  const [shareId, jti] = call.params as [string, string];
  if (!(await call.context.store.revokeInvitation(shareId, jti))) throw new ApiError(404, 'notFound');
  await call.context.events.publish({ type: 'revoked', shareId, jti });
  call.context.log(`invitation revoked (share ${shareId})`);
  sendJson(call.response, 200, { jti, revoked: true });
}

const HASH = /^[0-9a-f]{64}$/;

async function signOff(call: Call) {
  const signer = await authorise(call, (claims) => canSignOff(claims.role));
  const { store, collab, events, limits } = call.context;
  const body = await readJson(call.request, limits.maxJsonBytes);
  const { revision, contentHash } = body;
  if (!Number.isInteger(revision) || typeof contentHash !== 'string' || !HASH.test(contentHash)) {
    throw new ApiError(400, 'badRequest');
  }
  const fields = {
    name: text(body, 'name', 200),
    role: text(body, 'role', 200),
    date: text(body, 'date', 40),
    statement: text(body, 'statement', 10_000),
  };
  const share = await currentShare(call);
  const found = await store.getRevision(share.shareId, revision as number);
  if (!found) throw new ApiError(404, 'notFound');
  if (found.signOff) throw new ApiError(409, 'sealed');
  // No write may land between the hash and the seal: the revision is read-only here while it is checked.
  collab.freeze(share.shareId, found.revision);
  let sealed = false;
  try {
    const { doc, release } = await collab.readDocument(documentName(share.shareId, found.revision, 'answers'));
    const actual = await teamContentHash(doc);
    release();
    if (actual !== contentHash) throw new ApiError(409, 'contentChanged', { contentHash: actual ?? null });
    const record: TeamSignOff = {
      revision: found.revision,
      contentHash,
      ...fields,
      signedAt: new Date().toISOString(),
      signer: { id: signer.sub, name: signer.name, role: signer.role },
    };
    if (!(await store.sealRevision(share.shareId, record))) throw new ApiError(409, 'sealed');
    sealed = true;
    await events.publish({ type: 'sealed', shareId: share.shareId, revision: found.revision });
    call.context.log(`revision ${found.revision} signed off and sealed (share ${share.shareId})`);
    sendJson(call.response, 200, record);
  } finally {
    if (!sealed) collab.thaw(share.shareId, found.revision);
  }
}

async function reopen(call: Call) {
  await authorise(call, (claims) => canSignOff(claims.role));
  const { store, collab, events } = call.context;
  const share = await currentShare(call);
  const current = await store.getRevision(share.shareId, share.revision);
  if (!current?.signOff) throw new ApiError(409, 'notSealed');
  const next = share.revision + 1;
  const { doc, release } = await collab.readDocument(documentName(share.shareId, share.revision, 'answers'));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  release();
  const details = readDetails(copy);
  if (details) writeDetails(copy, { ...details, revision: next });
  // The copy is stored before the revision exists, so nobody can open it empty.
  await store.appendUpdate(documentName(share.shareId, next, 'answers'), Y.encodeStateAsUpdate(copy));
  copy.destroy();
  if (!(await store.addRevision(share.shareId, next, new Date().toISOString()))) {
    throw new ApiError(409, 'alreadyReopened');
  }
  await events.publish({ type: 'reopened', shareId: share.shareId, revision: next });
  call.context.log(`revision ${next} opened (share ${share.shareId})`);
  sendJson(call.response, 201, { shareId: share.shareId, revision: next });
}

async function putEvidence(call: Call) {
  await authorise(call, (claims) => canWrite(claims.role, 'answers'));
  const [shareId, sha256] = call.params as [string, string];
  const bytes = await readBody(call.request, MAX_EVIDENCE_BYTES);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new ApiError(422, 'hashMismatch');
  await call.context.store.putEvidence(shareId, sha256, bytes, new Date().toISOString());
  sendJson(call.response, 201, { sha256, size: bytes.byteLength });
}

async function getEvidence(call: Call) {
  await authorise(call, () => true);
  const [shareId, sha256] = call.params as [string, string];
  const bytes = await call.context.store.getEvidence(shareId, sha256);
  if (!bytes) throw new ApiError(404, 'notFound');
  call.response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
  });
  call.response.end(bytes);
}
