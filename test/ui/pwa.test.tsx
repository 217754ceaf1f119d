import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePwa } from '../../src/state/pwa';
import { useSession } from '../../src/state/session';
import { listAnswers } from '../../src/storage/repository';
import { StoragePanel } from '../../src/ui/pwa/StoragePanel';
import { UpdateBanner } from '../../src/ui/pwa/UpdateBanner';
import { seedAssessment } from '../fixtures/seed';
import { fillTheDisk, watchWrites } from '../fixtures/storage-faults';
import { i18n, startApp } from './render';

const initialPwa = usePwa.getState();
beforeEach(async () => {
  usePwa.setState(initialPwa, true);
  await startApp({ database: 'ui-pwa' });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Typing is batched: the change is kept by the page but not yet in the database. */
async function typeWithoutSaving(assessmentId: string, value: string) {
  await act(() => useSession.getState().saveAnswer({ assessmentId, questionId: 'owner', value }, { immediate: false }));
  expect(await listAnswers(assessmentId)).toEqual([]);
}

/**
 * A new version waits. Taking over reloads the page, so whatever is not in the database by then is lost: the fake
 * worker records, at the moment it is told to take over, whether a write was still running and what was stored.
 */
function newVersionWaits(assessmentId: string) {
  const writes = watchWrites();
  const atActivation: { writesRunning?: number; stored?: Promise<unknown[]> } = {};
  const activate = vi.fn(() => {
    atActivation.writesRunning = writes.running();
    atActivation.stored = listAnswers(assessmentId).then((answers) => answers.map((a) => a.value));
  });
  act(() => usePwa.getState().setWaiting({ activate }));
  return { activate, atActivation };
}

describe('the update banner', () => {
  it('stays hidden while no new version waits', () => {
    const { container } = render(<UpdateBanner />);
    expect(container).toBeEmptyDOMElement();
  });

  it('stores the answers not yet saved before the new version takes over', async () => {
    const user = userEvent.setup();
    const { id } = await seedAssessment();
    await typeWithoutSaving(id, 'Head of compliance');
    render(<UpdateBanner />);
    const { activate, atActivation } = newVersionWaits(id);

    const banner = screen.getByRole('region', { name: 'New version' });
    expect(within(banner).getByRole('status')).toHaveTextContent('A new version of Conformo is ready.');
    await user.click(within(banner).getByRole('button', { name: 'Update now' }));

    await waitFor(() => expect(activate).toHaveBeenCalledOnce());
    expect(atActivation.writesRunning).toBe(0);
    expect(await atActivation.stored).toEqual(['Head of compliance']);
    expect(within(banner).getByRole('button', { name: 'Updating…' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('keeps this version when the disk is full, says why in the user’s language, and updates once it is freed', async () => {
    const user = userEvent.setup();
    const { id } = await seedAssessment();
    await act(() => i18n.changeLanguage('fr'));
    const freeTheDisk = fillTheDisk();
    await typeWithoutSaving(id, 'Responsable conformité');
    render(<UpdateBanner />);
    const { activate, atActivation } = newVersionWaits(id);

    await user.click(screen.getByRole('button', { name: 'Mettre à jour maintenant' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La mise à jour est reportée : vos dernières modifications n’ont pas encore pu être enregistrées.',
    );
    expect(activate).not.toHaveBeenCalled();
    expect(await listAnswers(id)).toEqual([]);

    freeTheDisk();
    await user.click(screen.getByRole('button', { name: 'Mettre à jour maintenant' }));
    await waitFor(() => expect(activate).toHaveBeenCalledOnce());
    expect(atActivation.writesRunning).toBe(0);
    expect(await atActivation.stored).toEqual(['Responsable conformité']);
  });

  it('is reachable with the keyboard, and "Later" hides it', async () => {
    const user = userEvent.setup();
    const activate = vi.fn();
    render(<UpdateBanner />);
    act(() => usePwa.getState().setWaiting({ activate }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Update now' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Later' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(activate).not.toHaveBeenCalled();
  });

  it('speaks French and German', async () => {
    render(<UpdateBanner />);
    act(() => usePwa.getState().setWaiting({ activate: vi.fn() }));
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByRole('status')).toHaveTextContent('Une nouvelle version de Conformo est prête.');
    expect(screen.getByRole('button', { name: 'Mettre à jour maintenant' })).toBeInTheDocument();
    await act(() => i18n.changeLanguage('de'));
    expect(screen.getByRole('button', { name: 'Jetzt aktualisieren' })).toBeInTheDocument();
  });
});

describe('the storage panel', () => {
  it('shows nothing until the browser has answered', () => {
    const { container } = render(<StoragePanel />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows persistence and usage in the reader’s language', async () => {
    render(<StoragePanel />);
    act(() =>
      usePwa.setState({
        persistence: 'persistent',
        use: { usage: 1_234_567, quota: 2_000_000_000 },
        offlineReady: true,
      }),
    );
    expect(plain(screen.getByText(/^Storage:/).textContent)).toBe(
      'Storage: persistent · 1.2 MB used of 2 GB available',
    );
    expect(screen.getByText('Conformo works offline on this device.')).toBeInTheDocument();
    expect(screen.queryByText(/may delete/)).not.toBeInTheDocument();
    await act(() => i18n.changeLanguage('fr'));
    expect(plain(screen.getByText(/^Stockage/).textContent)).toBe(
      'Stockage : persistant · espace utilisé : 1,2 Mo sur 2 Go',
    );
    await act(() => i18n.changeLanguage('de'));
    expect(plain(screen.getByText(/^Speicher:/).textContent)).toBe('Speicher: dauerhaft · 1,2 MB von 2 GB belegt');
  });

  it('explains what a refusal means', () => {
    render(<StoragePanel />);
    act(() => usePwa.setState({ persistence: 'bestEffort', use: undefined }));
    expect(screen.getByText('Storage: not persistent')).toBeInTheDocument();
    expect(screen.getByText(/may delete the data of this site .* Export a backup/)).toBeInTheDocument();
  });
});
