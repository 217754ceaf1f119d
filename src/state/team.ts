import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { AssessmentRecord, TeamLink } from '../engine/records';
import type { ReviewComment, TeamRole } from '../engine/team-document';
import type { SignOff } from '../engine/types';
import type { InvitationEntry, JoinOutcome, TeamConnection, TeamPresence, TeamSyncState } from '../storage/team';
import { afterSaving } from './session';

export type { InvitationEntry, JoinOutcome, ReviewComment, TeamPresence, TeamSyncState };

/** Team mode's code (Yjs, Hocuspocus) loads only for a shared assessment or an invitation, never for anyone else. */
const team = () => import('../storage/team');

/** The team server is the origin that serves the app: the CSP's connect-src 'self' holds in team mode too. */
const origin = () => window.location.origin;

interface TeamState {
  byAssessment: ReadonlyMap<string, TeamSyncState>;
  /** A next revision started by someone else, by the assessment it follows. */
  nextRevision: ReadonlyMap<string, string>;
}

const useTeamStore = create<TeamState>(() => ({ byAssessment: new Map(), nextRevision: new Map() }));

function setIn<K extends keyof TeamState>(
  key: K,
  id: string,
  value: TeamState[K] extends ReadonlyMap<string, infer V> ? V : never,
) {
  const next = new Map(useTeamStore.getState()[key] as ReadonlyMap<string, unknown>);
  next.set(id, value);
  useTeamStore.setState({ [key]: next } as Partial<TeamState>);
}

const connections = new Map<string, { users: number; connection?: TeamConnection; ready: Promise<TeamConnection> }>();

type Shared = AssessmentRecord & { team: TeamLink };

function connect(assessment: Shared): () => void {
  let entry = connections.get(assessment.id);
  if (!entry) {
    const ready = team().then(async ({ TeamConnection, followSeal, followReopen }) => {
      const connection = new TeamConnection(assessment, origin(), {
        onState: (state) => setIn('byAssessment', assessment.id, state),
        onStateless: (message) => {
          if (message.type === 'sealed') void followSeal(origin(), assessment);
          if (message.type === 'reopened') {
            void followReopen(origin(), assessment, false).then((next) =>
              setIn('nextRevision', assessment.id, next.id),
            );
          }
        },
      });
      await connection.open();
      return connection;
    });
    entry = { users: 0, ready };
    const created = entry;
    ready.then(
      (connection) => {
        created.connection = connection;
        connection.setSection(sections.get(assessment.id));
      },
      (error) => console.error('team connection', error),
    );
    connections.set(assessment.id, entry);
  }
  entry.users += 1;
  const current = entry;
  return () => {
    current.users -= 1;
    if (current.users > 0) return;
    connections.delete(assessment.id);
    void current.ready.then(
      (connection) => connection.close(),
      () => {},
    );
  };
}

export interface TeamView {
  link: TeamLink;
  state: TeamSyncState | undefined;
  /** Whether this person may change answers (the server enforces it; the screen follows). */
  mayAnswer: boolean;
  nextRevisionId: string | undefined;
}

const ANSWERING_ROLES: readonly TeamRole[] = ['owner', 'editor'];

/**
 * An assessment's team side while a screen shows it: connected to the team's server for as long as one screen
 * needs it, undefined for an assessment that lives on this device only.
 */
export function useTeam(assessment: AssessmentRecord | null | undefined): TeamView | undefined {
  const shared = assessment?.team ? (assessment as Shared) : undefined;
  const key = shared ? `${shared.id} ${shared.team.revision} ${shared.team.token}` : undefined;
  const latest = useRef(shared);
  latest.current = shared;
  // Reconnect when the share, revision or invitation changes, not on every re-read of the record.
  useEffect(() => (key && latest.current ? connect(latest.current) : undefined), [key]);
  const state = useTeamStore((s) => (shared ? s.byAssessment.get(shared.id) : undefined));
  const nextRevisionId = useTeamStore((s) => (shared ? s.nextRevision.get(shared.id) : undefined));
  if (!shared) return undefined;
  const mayAnswer = ANSWERING_ROLES.includes(shared.team.role) && !state?.readOnly;
  return { link: shared.team, state, mayAnswer, nextRevisionId };
}

async function connectionOf(assessmentId: string): Promise<TeamConnection> {
  const entry = connections.get(assessmentId);
  if (!entry) throw new Error('notConnected');
  return entry.ready;
}

/**
 * The section this person is in, by assessment. Kept apart from the connection: a screen says where it is as it
 * mounts, often before its connection is open, and the team must still learn it.
 */
const sections = new Map<string, string | undefined>();

export function setTeamSection(assessmentId: string, sectionId: string | undefined): void {
  sections.set(assessmentId, sectionId);
  connections.get(assessmentId)?.connection?.setSection(sectionId);
}

export async function addReviewComment(assessmentId: string, questionId: string, text: string): Promise<void> {
  (await connectionOf(assessmentId)).addReviewComment(questionId, text);
}

export async function joinTeam(token: string): Promise<JoinOutcome> {
  return (await team()).join(origin(), token);
}

export async function shareWithTeam(token: string, assessmentId: string): Promise<void> {
  const saved = await afterSaving(async () => (await team()).shareAssessment(origin(), token, assessmentId));
  if (!saved.ok) throw new Error(saved.problem);
}

export async function inviteToTeam(link: TeamLink, invitation: { name: string; role: TeamRole; days?: number }) {
  return (await team()).createInvitation(origin(), link.token, link.shareId, invitation);
}

/** The share's invitations, for its owner: who was invited, as what, until when, and which are revoked. */
export async function invitationsOf(link: TeamLink): Promise<InvitationEntry[]> {
  return (await team()).listInvitations(origin(), link.token, link.shareId);
}

/** The server closes the revoked person's connections at once and refuses the invitation from then on. */
export async function revokeInvitation(link: TeamLink, jti: string): Promise<void> {
  await (await team()).revokeInvitation(origin(), link.token, link.shareId, jti);
}

/** A shared assessment's sign-off: every change saved and sent first, then signed and sealed by the server. */
export async function signOffTogether(
  assessmentId: string,
  input: Pick<SignOff, 'name' | 'role' | 'date' | 'statement'>,
): Promise<SignOff> {
  const saved = await afterSaving(async () => {
    const connection = await connectionOf(assessmentId);
    return (await team()).signOffTogether(origin(), connection, assessmentId, input);
  });
  if (!saved.ok) throw new Error(saved.problem);
  return saved.value;
}

/** Starts the next revision of a signed shared assessment, for the whole team. Returns its local id. */
export async function reopenTogether(assessment: Shared): Promise<string> {
  return (await (await team()).followReopen(origin(), assessment, true)).id;
}

export async function teamServerHere(): Promise<boolean> {
  return (await team()).teamServerHere(origin());
}

/** The server's code of a refusal, for a message in the user's language (team.errors.* in locales). */
export function teamErrorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string'
    ? code
    : error instanceof Error && error.message === 'notSynced'
      ? 'notSynced'
      : 'unknown';
}
