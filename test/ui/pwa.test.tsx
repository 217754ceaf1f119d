import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePwa } from '../../src/state/pwa';
import { useSession } from '../../src/state/session';
import { createAssessment, listAnswers, selectDatabase } from '../../src/storage/repository';
import { StoragePanel } from '../../src/ui/pwa/StoragePanel';
import { UpdateBanner } from '../../src/ui/pwa/UpdateBanner';
import { i18n } from './render';

const initialPwa = usePwa.getState();
beforeEach(async () => {
  usePwa.setState(initialPwa, true);
  selectDatabase(`pwa-${crypto.randomUUID()}`);
  await act(() => useSession.getState().openStorage());
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the update banner', () => {
  it('stays hidden while no new version waits', () => {
    const { container } = render(<UpdateBanner />);
    expect(container).toBeEmptyDOMElement();
  });

  it('appears when a new version waits, and saves pending typing before the new version takes over', async () => {
    const user = userEvent.setup();
    const assessment = await createAssessment({
      questionnaireId: 'all-types',
      questionnaireVersion: '1.2.0',
      title: 'Update',
      organisation: 'Banque du Kirchberg',
      aiSystem: '',
      assessor: '',
    });
    // Typing is batched: this change is only queued, not yet in the database.
    await act(() =>
      useSession
        .getState()
        .saveAnswer(
          { assessmentId: assessment.id, questionId: 'owner', value: 'Head of compliance' },
          { immediate: false },
        ),
    );
    expect(await listAnswers(assessment.id)).toEqual([]);

    let storedWhenActivated: Promise<unknown[]> | undefined;
    let statusWhenActivated: string | undefined;
    const activate = vi.fn(() => {
      statusWhenActivated = useSession.getState().saveStatus;
      storedWhenActivated = listAnswers(assessment.id).then((answers) => answers.map((a) => a.value));
    });
    const flush = vi.spyOn(useSession.getState(), 'flush');
    render(<UpdateBanner />);
    act(() => usePwa.getState().setWaiting({ activate }));

    const banner = screen.getByRole('region', { name: 'New version' });
    expect(within(banner).getByRole('status')).toHaveTextContent('A new version of Conformo is ready.');
    await user.click(within(banner).getByRole('button', { name: 'Update now' }));

    await waitFor(() => expect(activate).toHaveBeenCalledOnce());
    expect(flush).toHaveBeenCalled();
    expect(flush.mock.invocationCallOrder[0]).toBeLessThan(activate.mock.invocationCallOrder[0] as number);
    expect(statusWhenActivated).toBe('saved');
    expect(await storedWhenActivated).toEqual(['Head of compliance']);
    expect(within(banner).getByRole('button', { name: 'Updating…' })).toHaveAttribute('aria-disabled', 'true');
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

  it('keeps the page when the answers cannot be saved, and says why in an alert', async () => {
    const user = userEvent.setup();
    const activate = vi.fn();
    useSession.setState({
      flush: async () => useSession.setState({ saveStatus: 'error', saveProblem: 'quota' }),
    });
    render(<UpdateBanner />);
    act(() => usePwa.getState().setWaiting({ activate }));
    await user.click(screen.getByRole('button', { name: 'Update now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /postponed because your latest changes could not be saved/,
    );
    expect(activate).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Update now' })).not.toHaveAttribute('aria-disabled', 'true');
    useSession.setState({ saveStatus: 'idle', saveProblem: undefined, flush: async () => undefined });
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
