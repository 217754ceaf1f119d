import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSession } from '../../src/state/session';
import { db } from '../../src/storage/repository';
import { App } from '../../src/ui/App';
import { seedAssessment } from '../fixtures/seed';
import { startApp } from './render';

beforeEach(() => startApp({ database: 'ui-privacy' }));

describe('privacy statement', () => {
  it('says what is stored and where, and deletes all data only after confirmation', async () => {
    const user = userEvent.setup();
    const name = db().name;
    await seedAssessment({ title: 'Secret' });
    localStorage.setItem('conformo.language', 'en');
    window.location.hash = '#/privacy';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Nothing leaves the device' })).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Delete all my data' });
    expect(button).toBeDisabled();
    await user.click(screen.getByLabelText('I understand that all my Conformo data on this device will be deleted.'));
    await user.click(button);
    expect(
      await screen.findByText('Everything was deleted. Conformo restarts as on a first visit.'),
    ).toBeInTheDocument();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    expect(localStorage.getItem('conformo.language')).toBeNull();
  });

  it('is reachable even when storage cannot be opened', async () => {
    useSession.setState({ storage: 'newerVersion' });
    window.location.hash = '#/privacy';
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Delete all my data' })).toBeInTheDocument();
  });
});
