import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../src/engine/format';
import type { AssessmentRecord } from '../../src/engine/records';
import { type InvitationEntry, invitationsOf, inviteToTeam, revokeInvitation } from '../../src/state/team';
import { TeamBar } from '../../src/ui/team/TeamBar';
import { fixtureQuestionnaire } from '../helpers';
import { i18n, renderWithRouter } from './render';
import { teamView } from './team-view';

// No team server in component tests: the server's list is what each test says it is.
vi.mock('../../src/state/team', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/team')>()),
  useTeam: vi.fn(() => undefined),
  setTeamSection: vi.fn(),
  inviteToTeam: vi.fn(),
  invitationsOf: vi.fn(),
  revokeInvitation: vi.fn(),
}));

const owner = teamView({ role: 'owner', name: 'Olga' });
const inFuture = '2099-01-31T09:00:00.000Z';
const past = '2020-01-31T09:00:00.000Z';
const invitations: InvitationEntry[] = [
  { jti: 'own', name: 'Olga', role: 'owner', expires: inFuture, revoked: false, yours: true },
  { jti: 'dana', name: 'Dana', role: 'reviewer', expires: inFuture, revoked: false, yours: false },
  { jti: 'eli', name: 'Eli', role: 'editor', expires: past, revoked: false, yours: false },
  { jti: 'fay', name: 'Fay', role: 'validator', expires: inFuture, revoked: true, yours: false },
];

function renderBar(language: 'en' | 'de' = 'en') {
  renderWithRouter(
    <TeamBar
      assessment={{ id: 'a1', status: 'inProgress' } as AssessmentRecord}
      team={owner}
      questionnaire={fixtureQuestionnaire()}
      language={language}
    />,
  );
}

async function openInvitations() {
  const user = userEvent.setup();
  renderBar();
  await user.click(screen.getByText('Invite people and manage invitations'));
  const list = await screen.findByRole('list');
  return { user, list };
}

const row = (list: HTMLElement, name: string) =>
  within(list)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(name)) as HTMLElement;

beforeEach(async () => {
  vi.mocked(invitationsOf).mockReset().mockResolvedValue(invitations);
  vi.mocked(revokeInvitation).mockReset();
  vi.mocked(inviteToTeam).mockReset();
  await act(() => i18n.changeLanguage('en'));
});

describe("the owner's invitations", () => {
  it('lists who was invited, as what and until when, and offers to revoke only what still opens the assessment', async () => {
    const { list } = await openInvitations();
    expect(invitationsOf).toHaveBeenCalledWith(owner.link);
    expect(row(list, 'Dana')).toHaveTextContent(`Dana, reviewer, valid until ${formatDateTime(inFuture, 'en')}`);
    expect(row(list, 'Eli')).toHaveTextContent(`Eli, editor, expired on ${formatDateTime(past, 'en')}`);
    expect(row(list, 'Fay')).toHaveTextContent('Fay, validator, revoked');
    expect(row(list, 'Olga')).toHaveTextContent('the invitation you use on this device');
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Revoke the invitation of Dana']);
  });

  it('asks before revoking, then revokes and lists again; cancel leaves it as it was', async () => {
    vi.mocked(revokeInvitation).mockResolvedValue();
    const { user, list } = await openInvitations();
    await user.click(within(row(list, 'Dana')).getByRole('button', { name: 'Revoke the invitation of Dana' }));
    expect(row(list, 'Dana')).toHaveTextContent('They lose access to this assessment at once');
    expect(screen.getByRole('button', { name: 'Revoke now' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(revokeInvitation).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Revoke the invitation of Dana' })).toHaveFocus();

    vi.mocked(invitationsOf).mockResolvedValue(
      invitations.map((i) => (i.jti === 'dana' ? { ...i, revoked: true } : i)),
    );
    await user.click(screen.getByRole('button', { name: 'Revoke the invitation of Dana' }));
    await user.keyboard('{Enter}');
    expect(revokeInvitation).toHaveBeenCalledExactlyOnceWith(owner.link, 'dana');
    expect(
      await screen.findByText('The invitation of Dana is revoked: it no longer opens this assessment.'),
    ).toHaveAttribute('role', 'status');
    expect(row(screen.getByRole('list'), 'Dana')).toHaveTextContent('Dana, reviewer, revoked');
    expect(screen.queryByRole('button', { name: /Revoke the invitation/ })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Invitations' })).toHaveFocus();
  });

  it('says why the list or a revocation failed, in the language of the interface', async () => {
    vi.mocked(revokeInvitation).mockRejectedValue(Object.assign(new Error('x'), { code: 'forbidden' }));
    const { user, list } = await openInvitations();
    await user.click(within(row(list, 'Dana')).getByRole('button', { name: 'Revoke the invitation of Dana' }));
    await user.click(screen.getByRole('button', { name: 'Revoke now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The invitation was not revoked. Your role does not allow this.',
    );
  });

  it('says in German why the list could not be loaded', async () => {
    vi.mocked(invitationsOf).mockRejectedValue(Object.assign(new Error('x'), { code: 'unreachable' }));
    await act(() => i18n.changeLanguage('de'));
    const user = userEvent.setup();
    renderBar('de');
    await user.click(screen.getByText('Personen einladen und Einladungen verwalten'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Die Einladungen konnten nicht geladen werden. Der Server ist nicht erreichbar.',
    );
  });

  it('shows a new invitation in the list as soon as it is made', async () => {
    vi.mocked(inviteToTeam).mockResolvedValue({ jti: 'gil', token: 't', link: 'http://x/#/join/t', expires: inFuture });
    const { user } = await openInvitations();
    vi.mocked(invitationsOf).mockResolvedValue([
      ...invitations,
      { jti: 'gil', name: 'Gil', role: 'editor', expires: inFuture, revoked: false, yours: false },
    ]);
    await user.type(screen.getByLabelText('Their name'), 'Gil');
    await user.click(screen.getByRole('button', { name: 'Make an invitation link' }));
    expect(await screen.findByRole('button', { name: 'Revoke the invitation of Gil' })).toBeInTheDocument();
  });
});
