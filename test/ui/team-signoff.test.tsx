import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentRecord } from '../../src/engine/records';
import { reopenTogether, signOffTogether, type TeamView, useTeam } from '../../src/state/team';
import { signOffAssessment } from '../../src/storage/lifecycle';
import { getAssessment } from '../../src/storage/repository';
import { linkToTeam } from '../../src/storage/team-records';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { i18n, startApp } from './render';
import { teamView } from './team-view';

// No team server in component tests: the team side of an assessment is what each test says it is.
vi.mock('../../src/state/team', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/state/team')>()),
  useTeam: vi.fn(() => undefined),
  setTeamSection: vi.fn(),
  signOffTogether: vi.fn(),
  reopenTogether: vi.fn(),
}));

beforeEach(async () => {
  await startApp({ database: 'ui-team-signoff' });
  vi.mocked(useTeam).mockReset();
  vi.mocked(signOffTogether).mockReset();
  vi.mocked(reopenTogether).mockReset();
});

async function openSummary(team: TeamView, { signed = false } = {}) {
  const seeded = await seedAssessment({ answers: { role: 'provider' } });
  await linkToTeam(seeded.id, team.link);
  if (signed) await signOffAssessment(seeded.id, { name: 'Val', role: 'DPO', date: '2026-12-01', statement: 'OK' });
  vi.mocked(useTeam).mockImplementation((record) => (record?.id === seeded.id ? team : undefined));
  window.location.hash = `#/assessments/${seeded.id}/summary`;
  render(<App />);
  await screen.findByRole('heading', { level: 3, name: 'Sign-off' });
  return (await getAssessment(seeded.id)) as AssessmentRecord & { team: TeamView['link'] };
}

describe('signing off a shared assessment', () => {
  it('goes through the team server for a validator, signing with their name', async () => {
    const validator = teamView({ role: 'validator', name: 'Vera' });
    const assessment = await openSummary(validator);
    vi.mocked(signOffTogether).mockResolvedValue({
      name: 'Vera',
      role: 'DPO',
      date: '2026-12-01',
      statement: 's',
      contentHash: 'h',
      signedAt: '2026-12-01T10:00:00.000Z',
    });
    const user = userEvent.setup();
    expect(screen.getByLabelText('Name')).toHaveValue('Vera');
    await user.type(screen.getByLabelText('Role'), 'DPO');
    await user.click(screen.getByRole('button', { name: 'Sign off for the team and make read-only' }));
    expect(signOffTogether).toHaveBeenCalledExactlyOnceWith(
      assessment.id,
      expect.objectContaining({ name: 'Vera', role: 'DPO' }),
    );
    // Nothing is signed on this device alone: the record changes when the server has sealed the revision.
    expect((await getAssessment(assessment.id))?.status).not.toBe('signed');
  });

  it("says in the user's language why the server refused", async () => {
    await openSummary(teamView({ role: 'owner' }));
    vi.mocked(signOffTogether).mockRejectedValue(Object.assign(new Error('x'), { code: 'contentChanged' }));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Role'), 'DPO');
    await act(() => i18n.changeLanguage('fr'));
    await user.click(screen.getByRole('button', { name: 'Valider pour l’équipe et rendre non modifiable' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Non validée. Les réponses ont changé entre-temps sur le serveur.',
    );
  });

  it('is not offered to an editor, who is told who signs off', async () => {
    await openSummary(teamView({ role: 'editor' }));
    expect(screen.queryByRole('button', { name: /Sign off/ })).toBeNull();
    expect(
      screen.getByText('In a shared assessment, the owner or a validator signs off. You take part as editor.'),
    ).toBeInTheDocument();
  });

  it('reopens for the whole team and opens the next revision', async () => {
    const next = await seedAssessment({ title: 'Revision 2' });
    const owner = teamView({ role: 'owner' });
    const assessment = await openSummary(owner, { signed: true });
    vi.mocked(reopenTogether).mockResolvedValue(next.id);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reopen as revision 2 for the team' }));
    expect(reopenTogether).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ id: assessment.id }));
    expect(await screen.findByRole('heading', { level: 2, name: '1. Facts' })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/assessments/${next.id}/sections/facts`);
  });

  it('says why a reopening failed', async () => {
    await openSummary(teamView({ role: 'validator' }), { signed: true });
    vi.mocked(reopenTogether).mockRejectedValue(Object.assign(new Error('x'), { code: 'alreadyReopened' }));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reopen as revision 2 for the team' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not reopened. This revision was already reopened.');
  });

  it('tells a reviewer of a signed revision who may reopen it', async () => {
    await openSummary(teamView({ role: 'reviewer' }), { signed: true });
    expect(screen.queryByRole('button', { name: /Reopen/ })).toBeNull();
    expect(
      screen.getByText('Only the owner or a validator can reopen it; you take part as reviewer.'),
    ).toBeInTheDocument();
  });
});
