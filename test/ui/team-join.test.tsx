import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { joinTeam, shareWithTeam, useTeam } from '../../src/state/team';
import { signOffAssessment } from '../../src/storage/lifecycle';
import { linkToTeam } from '../../src/storage/team-records';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { i18n, startApp } from './render';
import { teamView } from './team-view';

// No team server in component tests: what joining and sharing answer is what each test says.
vi.mock('../../src/state/team', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/team')>()),
  useTeam: vi.fn(() => undefined),
  setTeamSection: vi.fn(),
  joinTeam: vi.fn(),
  shareWithTeam: vi.fn(async () => {}),
}));

// A JWT: three base64url parts joined by dots, all of it one route parameter.
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwLTEiLCJyb2xlIjoib3duZXIifQ.c2lnbmF0dXJl-_x';

function openInvitation() {
  window.location.hash = `#/join/${TOKEN}`;
  render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

beforeEach(async () => {
  await startApp({ database: 'ui-team-join' });
  vi.mocked(useTeam).mockReset().mockReturnValue(undefined);
  vi.mocked(joinTeam).mockReset();
  vi.mocked(shareWithTeam).mockReset().mockResolvedValue(undefined);
});

describe('opening an invitation', () => {
  it('joins once, says so, then opens the shared assessment in place of the invitation', async () => {
    const assessment = await seedAssessment({ title: 'Shared triage' });
    let joined!: (outcome: { kind: 'open'; assessmentId: string }) => void;
    vi.mocked(joinTeam).mockReturnValue(new Promise((resolve) => (joined = resolve)));
    openInvitation();

    expect(await screen.findByText('Joining the shared assessment…')).toHaveAttribute('role', 'status');
    await act(async () => joined({ kind: 'open', assessmentId: assessment.id }));

    expect(await screen.findByRole('heading', { level: 2, name: '1. Facts' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/assessments/${assessment.id}/sections/facts`);
    // StrictMode mounts the page twice; the invitation is opened once, with the whole token.
    expect(joinTeam).toHaveBeenCalledExactlyOnceWith(TOKEN);
  });

  it("lets an owner whose share is empty choose one of this device's assessments, and shares the one chosen", async () => {
    const draft = await seedAssessment({ title: 'Draft to share' });
    const signed = await seedAssessment({ title: 'Already signed' });
    await signOffAssessment(signed.id, { name: 'A', role: 'DPO', date: '2026-12-01', statement: '' });
    const shared = await seedAssessment({ title: 'Shared elsewhere' });
    await linkToTeam(shared.id, teamView().link);
    vi.mocked(joinTeam).mockResolvedValue({
      kind: 'chooseAssessment',
      shareId: 'share-0123456789',
      person: { id: 'p-1', name: 'Olga' },
    });
    openInvitation();

    const heading = await screen.findByRole('heading', { name: 'Choose the assessment to share' });
    expect(heading).toHaveFocus();
    expect(
      screen.getByText(
        `Sharing sends this assessment, and only it, to your team's server at ${window.location.origin}`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    const buttons = await screen.findAllByRole('button', { name: 'Share this assessment' });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toHaveAccessibleDescription('Draft to share');
    expect(screen.queryByText('Already signed')).toBeNull();
    expect(screen.queryByText('Shared elsewhere')).toBeNull();

    await userEvent.setup().click(buttons[0] as HTMLElement);
    expect(shareWithTeam).toHaveBeenCalledExactlyOnceWith(TOKEN, draft.id);
    expect(await screen.findByRole('heading', { level: 2, name: '1. Facts' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/assessments/${draft.id}/sections/facts`);
  });

  it('says why sharing failed, and stays on the page', async () => {
    await seedAssessment({ title: 'Draft to share' });
    vi.mocked(joinTeam).mockResolvedValue({ kind: 'chooseAssessment', shareId: 's', person: { id: 'p', name: 'O' } });
    vi.mocked(shareWithTeam).mockRejectedValue(Object.assign(new Error('x'), { code: 'forbidden' }));
    openInvitation();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Share this assessment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This invitation could not be opened. Your role does not allow this.',
    );
  });

  it("says in the user's language why the invitation was refused, with a way home", async () => {
    await act(() => i18n.changeLanguage('fr'));
    vi.mocked(joinTeam).mockRejectedValue(Object.assign(new Error('team server: expired'), { code: 'expired' }));
    openInvitation();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cette invitation n’a pas pu être ouverte. Cette invitation a expiré.',
    );
    const heading = screen.getByRole('heading', { name: 'Rejoindre une évaluation partagée' });
    await waitFor(() => expect(heading).toHaveFocus());
    await userEvent.setup().click(screen.getByRole('link', { name: 'Retour à vos évaluations' }));
    expect(window.location.hash).toBe('#/');
  });

  it('shows an unknown failure as such', async () => {
    vi.mocked(joinTeam).mockRejectedValue(new TypeError('boom'));
    openInvitation();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This invitation could not be opened. Something went wrong.',
    );
  });
});
