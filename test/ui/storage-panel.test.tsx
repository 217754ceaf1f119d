import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePwa } from '../../src/state/pwa';
import { useSession } from '../../src/state/session';
import { StoragePanel } from '../../src/ui/pwa/StoragePanel';
import { i18n, renderWithRouter } from './render';

const initialPwa = usePwa.getState();
const initialSession = useSession.getState();
let usage = 0;

beforeEach(async () => {
  usePwa.setState({ ...initialPwa, persistence: 'bestEffort' }, true);
  usage = 0;
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { estimate: async () => ({ usage, quota: 2_000_000_000 }) },
  });
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
  useSession.setState(initialSession, true);
});

const storageLine = () => screen.getByText(/^Storage:/).textContent?.replace(/[\u00a0\u202f]/g, ' ');

describe('the storage line', () => {
  it('says nothing about usage while the browser reports 0 bytes', async () => {
    renderWithRouter(<StoragePanel />);
    await waitFor(() => expect(usePwa.getState().use?.usage).toBe(0));
    expect(storageLine()).toBe('Storage: not persistent');
  });

  it('reads the usage again on every screen', async () => {
    const { location } = renderWithRouter(<StoragePanel />);
    await waitFor(() => expect(usePwa.getState().use).toBeDefined());
    usage = 74_000;
    act(() => location.navigate('/assessments/a/sections/s'));
    await waitFor(() => expect(storageLine()).toBe('Storage: not persistent · 74 kB used of 2 GB available'));
  });

  it('reads the usage again after each saved change', async () => {
    usage = 5_000;
    renderWithRouter(<StoragePanel />, '/assessments/a/sections/s');
    await waitFor(() => expect(storageLine()).toMatch(/5 kB used/));
    usage = 1_500_000;
    act(() => useSession.setState({ lastSaved: '2026-12-03T10:00:00.000Z' }));
    await waitFor(() => expect(storageLine()).toMatch(/1.5 MB used/));
  });

  it('reads the usage again once the app is cached for offline use', async () => {
    renderWithRouter(<StoragePanel />);
    await waitFor(() => expect(usePwa.getState().use).toBeDefined());
    usage = 3_400_000;
    act(() => usePwa.getState().setOfflineReady());
    await waitFor(() => expect(storageLine()).toMatch(/3.4 MB used/));
  });
});
