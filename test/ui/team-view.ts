import type { TeamRole } from '../../src/engine/team-document';
import type { TeamSyncState, TeamView } from '../../src/state/team';

/** The team side of an assessment as useTeam would give it, for tests with src/state/team mocked. */
export function teamView({
  role = 'editor',
  name = 'Ana',
  state = { status: 'synced' },
  mayAnswer = role === 'owner' || role === 'editor',
  nextRevisionId,
}: {
  role?: TeamRole;
  name?: string;
  /** null: no state yet (the connection has not said anything). */
  state?: Partial<TeamSyncState> | null;
  mayAnswer?: boolean;
  nextRevisionId?: string;
} = {}): TeamView {
  return {
    link: {
      shareId: 'share-0123456789',
      revision: 1,
      token: 'header.payload.signature',
      person: { id: `p-${name}`, name },
      role,
      joined: '2026-12-01T09:00:00.000Z',
    },
    state: state
      ? { waiting: 0, readOnly: false, others: [], reviewComments: [], status: 'synced', ...state }
      : undefined,
    mayAnswer,
    nextRevisionId,
  };
}
