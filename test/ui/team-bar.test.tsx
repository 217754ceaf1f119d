import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../src/engine/format';
import type { AssessmentRecord } from '../../src/engine/records';
import { inviteToTeam, setTeamSection, type TeamView, useTeam } from '../../src/state/team';
import { App } from '../../src/ui/App';
import { TeamBar } from '../../src/ui/team/TeamBar';
import { seedAssessment } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';
import { i18n, renderWithRouter, startApp } from './render';
import { teamView } from './team-view';

// No team server in component tests: the team side of an assessment is what each test says it is.
vi.mock('../../src/state/team', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/team')>()),
  useTeam: vi.fn(() => undefined),
  setTeamSection: vi.fn(),
  inviteToTeam: vi.fn(),
  invitationsOf: vi.fn(async () => []),
}));

const questionnaire = fixtureQuestionnaire();
const assessment = { id: 'a1', status: 'inProgress' } as AssessmentRecord;

function renderBar(team: TeamView | undefined, record = assessment) {
  return renderWithRouter(<TeamBar assessment={record} team={team} questionnaire={questionnaire} language="en" />);
}

const bar = () => screen.getByRole('region', { name: 'Where this assessment lives' });
const syncStatus = () => within(bar()).getAllByRole('status')[0];

beforeEach(async () => {
  vi.mocked(useTeam).mockReset().mockReturnValue(undefined);
  vi.mocked(setTeamSection).mockReset();
  vi.mocked(inviteToTeam).mockReset();
  await act(() => i18n.changeLanguage('en'));
});

describe('the team status bar', () => {
  it('says that an assessment without a team lives on this device only', () => {
    renderBar(undefined);
    expect(bar()).toHaveTextContent('On this device only: nothing of it is sent anywhere.');
    expect(within(bar()).queryByRole('status')).toBeNull();
  });

  it('says synced, who you are in the team, and who else is here in which section', () => {
    renderBar(
      teamView({
        role: 'reviewer',
        name: 'Ana',
        state: {
          status: 'synced',
          others: [
            { clientId: 7, person: { id: 'p-bo', name: 'Bo' }, role: 'editor', sectionId: 'requirements' },
            { clientId: 8, person: { id: 'p-cy', name: 'Cy' }, role: 'validator' },
          ],
        },
      }),
    );
    expect(syncStatus()).toHaveTextContent('Synced with your team');
    expect(bar()).toHaveTextContent('You take part as reviewer (Ana).');
    const presence = within(bar()).getAllByRole('status')[1] as HTMLElement;
    expect(presence).toHaveTextContent('2 other people are here now:');
    expect(
      within(bar())
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Bo (editor), in section 2. Requirements', 'Cy (validator)']);
    // Who moves where is on screen, not announced: only the count is a live region.
    expect(presence).not.toContainElement(within(bar()).getByRole('list'));
  });

  it('says how many changes wait while offline, in the plural forms of each language', async () => {
    const { rerender } = renderBar(teamView({ state: { status: 'offline', waiting: 3 } }));
    expect(syncStatus()).toHaveTextContent('Offline: 3 changes waiting to be sent to your team');
    const oneWaiting = teamView({ state: { status: 'offline', waiting: 1 } });
    rerender(<TeamBar assessment={assessment} team={oneWaiting} questionnaire={questionnaire} language="en" />);
    expect(syncStatus()).toHaveTextContent('Offline: 1 change waiting to be sent to your team');
    await act(() => i18n.changeLanguage('de'));
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      'Offline: 1 Änderung wartet darauf, an Ihr Team gesendet zu werden',
    );
  });

  it("says that the server refused this device, and the server's reason", () => {
    renderBar(teamView({ state: { status: 'refused', refusal: 'revoked' } }));
    expect(syncStatus()).toHaveTextContent("The team's server refused this device: This invitation was revoked.");
  });

  it('is connecting until the connection says otherwise', () => {
    renderBar(teamView({ state: null }));
    expect(syncStatus()).toHaveTextContent("Connecting to your team's server…");
  });

  it('links to the next revision when the team started one', () => {
    renderBar(teamView({ nextRevisionId: 'a2' }));
    expect(bar()).toHaveTextContent('A new revision was started by your team: open it');
    expect(within(bar()).getByRole('link', { name: 'open it' })).toHaveAttribute('href', '/assessments/a2');
  });

  it('offers invitations to an owner only', () => {
    renderBar(teamView({ role: 'editor' }));
    expect(screen.queryByText('Invite people and manage invitations')).toBeNull();
  });
});

describe("an owner's invitation", () => {
  it('makes a link for the name, role and days given, shows it read-only with its expiry, and copies it', async () => {
    const user = userEvent.setup();
    const owner = teamView({ role: 'owner', name: 'Olga' });
    const link = 'http://localhost:3000/#/join/aaa.bbb.ccc';
    vi.mocked(inviteToTeam).mockResolvedValue({
      jti: 'j1',
      token: 'aaa.bbb.ccc',
      link,
      expires: '2026-12-15T09:00:00.000Z',
    });
    renderBar(owner);

    await user.click(screen.getByText('Invite people and manage invitations'));
    expect(screen.getByLabelText('Valid for (days)')).toHaveValue(14);
    expect(
      within(screen.getByLabelText('Role'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['editor', 'reviewer', 'validator', 'owner']);
    await user.click(screen.getByRole('button', { name: 'Make an invitation link' }));
    expect(inviteToTeam).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Their name')).toHaveFocus();
    expect(screen.getByLabelText('Their name')).toHaveAccessibleDescription('Enter the name of the person you invite.');

    await user.type(screen.getByLabelText('Their name'), '  Dana  ');
    await user.selectOptions(screen.getByLabelText('Role'), 'reviewer');
    await user.clear(screen.getByLabelText('Valid for (days)'));
    await user.type(screen.getByLabelText('Valid for (days)'), '30');
    await user.click(screen.getByRole('button', { name: 'Make an invitation link' }));
    expect(inviteToTeam).toHaveBeenCalledExactlyOnceWith(owner.link, { name: 'Dana', role: 'reviewer', days: 30 });

    const field = await screen.findByRole('textbox', { name: 'Invitation link for Dana' });
    expect(field).toHaveValue(link);
    expect(field).toHaveAttribute('readonly');
    expect(
      screen.getByText(`Valid until ${formatDateTime('2026-12-15T09:00:00.000Z', 'en')}.`, { exact: false }),
    ).toBeInTheDocument();

    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledExactlyOnceWith(link);
    expect(await screen.findByText('Link copied.')).toHaveAttribute('role', 'status');
  });

  it('selects the link for copying by hand when the clipboard is refused', async () => {
    const user = userEvent.setup();
    vi.mocked(inviteToTeam).mockResolvedValue({
      jti: 'j',
      token: 't',
      link: 'http://x/#/join/t',
      expires: '2026-12-15',
    });
    renderBar(teamView({ role: 'owner' }));
    await user.click(screen.getByText('Invite people and manage invitations'));
    await user.type(screen.getByLabelText('Their name'), 'Dana');
    await user.click(screen.getByRole('button', { name: 'Make an invitation link' }));
    const field = await screen.findByRole('textbox', { name: 'Invitation link for Dana' });
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
      configurable: true,
    });
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText(/could not be copied automatically/)).toHaveAttribute('role', 'status');
    expect(field).toHaveFocus();
  });

  it('says why no invitation was made', async () => {
    const user = userEvent.setup();
    vi.mocked(inviteToTeam).mockRejectedValue(Object.assign(new Error('x'), { code: 'appInvitesDisabled' }));
    renderBar(teamView({ role: 'owner' }));
    await user.click(screen.getByText('Invite people and manage invitations'));
    await user.type(screen.getByLabelText('Their name'), 'Dana');
    await user.click(screen.getByRole('button', { name: 'Make an invitation link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No invitation was made. This server does not allow invitations from the app.',
    );
  });
});

describe('the assessment page of a shared assessment', () => {
  beforeEach(() => startApp({ database: 'ui-team-bar' }));

  async function openFacts(team: (record: AssessmentRecord) => TeamView) {
    const seeded = await seedAssessment({ answers: { role: 'provider' } });
    vi.mocked(useTeam).mockImplementation((record) => (record?.id === seeded.id ? team(record) : undefined));
    window.location.hash = `#/assessments/${seeded.id}/sections/facts`;
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: '1. Facts' });
    return seeded;
  }

  it("shows a reviewer the answers read-only and says why; the team hears which section they're in", async () => {
    const seeded = await openFacts(() => teamView({ role: 'reviewer', name: 'Ana' }));
    const radios = screen.getAllByRole('radio');
    expect(radios.length).toBeGreaterThan(0);
    for (const radio of radios) expect(radio).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Provider' })).toBeChecked();
    expect(
      screen.getByText(
        'As reviewer, you read the answers and can add reviewer comments, but you cannot change answers.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(setTeamSection).toHaveBeenLastCalledWith(seeded.id, 'facts'));

    await userEvent.setup().click(screen.getByRole('link', { name: /Next: Requirements/ }));
    await screen.findByRole('heading', { level: 2, name: '2. Requirements' });
    // Passive effects of a render the hash change started may run after the heading is on screen.
    await waitFor(() => expect(setTeamSection).toHaveBeenLastCalledWith(seeded.id, 'requirements'));
  });

  it('lets an editor answer, with the team status above the section title', async () => {
    await openFacts(() => teamView({ role: 'editor', state: { status: 'offline', waiting: 3 } }));
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeEnabled();
    const region = screen.getByRole('region', { name: 'Where this assessment lives' });
    expect(region).toHaveTextContent('Offline: 3 changes waiting to be sent to your team');
    expect(
      region.compareDocumentPosition(screen.getByRole('heading', { level: 2, name: '1. Facts' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says on the page of a local assessment that it lives on this device only', async () => {
    const seeded = await seedAssessment();
    window.location.hash = `#/assessments/${seeded.id}/summary`;
    render(<App />);
    expect(await screen.findByRole('region', { name: 'Where this assessment lives' })).toHaveTextContent(
      'On this device only',
    );
    expect(setTeamSection).not.toHaveBeenCalled();
  });
});
