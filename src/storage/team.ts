import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { AssessmentRecord, TeamLink } from '../engine/records';
import { canWrite, documentName, readDetails, teamContentHash } from '../engine/team-document';
import type { SignOff } from '../engine/types';
import { guarded } from './errors';
import { reopenAssessment } from './lifecycle';
import { createAssessment, db, getAssessment } from './repository';
import { getShare, readInvitation, reopenOnServer, signOffOnServer, TeamApiError, type TeamSignOff } from './team-api';
import { loadDocument, releaseDocument } from './team-db';
import { findShared, linkToTeam, markSignedByTeam } from './team-records';
import { collabUrl, type TeamConnection } from './team-sync';

/** Team mode as the state layer uses it; loaded only when an assessment is shared or an invitation is opened. */

export {
  createInvitation,
  type InvitationEntry,
  listInvitations,
  revokeInvitation,
  TeamApiError,
  teamServerHere,
} from './team-api';
export { TeamConnection, type TeamPresence, type TeamSyncState } from './team-sync';

export type JoinOutcome =
  | { kind: 'open'; assessmentId: string }
  /** An owner's invitation to a share that holds nothing yet: which local assessment to share. */
  | { kind: 'chooseAssessment'; shareId: string; person: TeamLink['person'] };

function linkOf(token: string, revision: number, now = new Date()): TeamLink {
  const invitation = readInvitation(token);
  if (!invitation) throw new TeamApiError('unauthorized', 401);
  return {
    shareId: invitation.shareId,
    revision,
    token,
    person: invitation.person,
    role: invitation.role,
    joined: now.toISOString(),
  };
}

/** Connects long enough to receive the document from the server, and reads the assessment's details from it. */
async function receiveDetails(origin: string, shareId: string, revision: number, token: string) {
  const name = documentName(shareId, revision, 'answers');
  const doc = await loadDocument(name);
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl(origin) });
  try {
    await new Promise<void>((resolve, reject) => {
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token,
        onSynced: () => resolve(),
        onAuthenticationFailed: ({ reason }) => reject(new TeamApiError(reason || 'unauthorized', 401)),
      });
      provider.attach();
      setTimeout(() => reject(new TeamApiError('unreachable')), 15_000);
    });
    return readDetails(doc);
  } finally {
    socket.destroy();
    releaseDocument(doc);
  }
}

/**
 * Opens an invitation on this device: the assessment it shares when this device has it already, or a new local
 * assessment filled from the team's document. Refusals are TeamApiErrors with the server's code.
 */
export async function join(origin: string, token: string): Promise<JoinOutcome> {
  const invitation = readInvitation(token);
  if (!invitation) throw new TeamApiError('unauthorized', 401);
  const share = await getShare(origin, token, invitation.shareId);
  const link = linkOf(token, share.revision);
  const here = (await findShared(share.shareId)).find((a) => a.team?.revision === share.revision);
  if (here) {
    await linkToTeam(here.id, {
      ...link,
      joined: here.team?.joined ?? link.joined,
      detailsChanged: here.team?.detailsChanged,
    });
    return { kind: 'open', assessmentId: here.id };
  }
  const details = await receiveDetails(origin, share.shareId, share.revision, token);
  if (!details) {
    if (link.role === 'owner') return { kind: 'chooseAssessment', shareId: share.shareId, person: link.person };
    throw new TeamApiError('notSharedYet', 409);
  }
  const created = await createAssessment({
    questionnaireId: details.questionnaireId,
    questionnaireVersion: details.questionnaireVersion,
    title: details.title,
    organisation: details.organisation,
    aiSystem: details.aiSystem,
    assessor: details.assessor,
  });
  await guarded(() => db().assessments.update(created.id, { revision: details.revision ?? share.revision }));
  await linkToTeam(created.id, link);
  return { kind: 'open', assessmentId: created.id };
}

/** The owner shares one of this device's assessments with the share their invitation names. */
export async function shareAssessment(origin: string, token: string, assessmentId: string): Promise<void> {
  const share = await getShare(origin, token, readInvitation(token)?.shareId ?? '');
  const link = linkOf(token, share.revision);
  if (link.role !== 'owner') throw new TeamApiError('forbidden', 403);
  const assessment = await getAssessment(assessmentId);
  if (!assessment || assessment.status === 'signed') throw new TeamApiError('badRequest', 400);
  await guarded(() => db().assessments.update(assessmentId, { revision: share.revision }));
  // The first connection puts the owner's details into the team's document.
  await linkToTeam(assessmentId, { ...link, detailsChanged: true });
}

/** The sign-off as this device keeps it: the server's record without its revision and signer. */
function signOffOf({ name, role, date, statement, contentHash, signedAt }: TeamSignOff): SignOff {
  return { name, role, date, statement, contentHash, signedAt };
}

/**
 * A team sign-off: once the server holds every change of this device, it recomputes the content hash of the
 * document and seals the revision; then this device's copy becomes signed with the same hash.
 */
export async function signOffTogether(
  origin: string,
  connection: TeamConnection,
  assessmentId: string,
  input: Pick<SignOff, 'name' | 'role' | 'date' | 'statement'>,
): Promise<SignOff> {
  const { token, shareId, revision } = connection.link;
  await connection.whenAllSent();
  const doc = connection.document();
  const contentHash = doc ? await teamContentHash(doc) : undefined;
  if (!contentHash) throw new TeamApiError('notFound', 404);
  const signed = await signOffOnServer(origin, token, shareId, { ...input, contentHash, revision });
  const signOff = signOffOf(signed);
  await markSignedByTeam(assessmentId, signOff);
  return signOff;
}

/** The server sealed this revision (signed by someone, on some device): it becomes signed here too. */
export async function followSeal(origin: string, assessment: AssessmentRecord & { team: TeamLink }): Promise<void> {
  const share = await getShare(origin, assessment.team.token, assessment.team.shareId);
  const signed = share.revisions.find((r) => r.revision === assessment.team.revision)?.signOff;
  if (!signed) return;
  await markSignedByTeam(assessment.id, signOffOf(signed));
}

/**
 * The next revision of a shared assessment, here: started on the server when `start` (reopening), and as a local
 * revision linked to it. Returns the local assessment of the new revision.
 */
export async function followReopen(
  origin: string,
  assessment: AssessmentRecord & { team: TeamLink },
  start: boolean,
): Promise<AssessmentRecord> {
  const { token, shareId } = assessment.team;
  const revision = start
    ? (await reopenOnServer(origin, token, shareId)).revision
    : (await getShare(origin, token, shareId)).revision;
  const existing = (await findShared(shareId)).find((a) => a.team?.revision === revision);
  if (existing) return existing;
  const next = await reopenAssessment(assessment.id);
  // A new revision is a new document: the owner's details go into it with the owner's first connection.
  const link = { ...assessment.team, revision, detailsChanged: true };
  await linkToTeam(next.id, link);
  await guarded(() => db().assessments.update(next.id, { revision }));
  return { ...next, revision, team: link };
}

/** Whether this person may change answers here: the server enforces it, the screen follows it. */
export function mayAnswer(link: TeamLink): boolean {
  return canWrite(link.role, 'answers');
}
