import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Questionnaire } from '../../src/engine/types';
import { initI18n } from '../../src/i18n';
import { useCatalog } from '../../src/state/catalog';
import { useSession } from '../../src/state/session';
import { freshDatabase } from '../fixtures/seed';
import { fixtureQuestionnaire } from '../helpers';

export const i18n = initI18n();

export function renderWithRouter(ui: ReactNode, path = '/') {
  const location = memoryLocation({ path, record: true });
  return { ...render(<Router hook={location.hook}>{ui}</Router>), location };
}

/** The questionnaires the app offers, as if it had loaded them (each valid). */
export function offerQuestionnaires(...questionnaires: Questionnaire[]): void {
  useCatalog.setState({
    status: 'ready',
    entries: questionnaires.map((questionnaire) => ({
      source: `${questionnaire.id}-${questionnaire.version}.json`,
      result: { ok: true, questionnaire },
    })),
  });
}

/**
 * What the app does at start, for a component test: a database of the test's own, opened, the questionnaires
 * offered (by default the all-types fixture), the home address and English. Returns the database's name.
 */
export async function startApp({ questionnaires = [fixtureQuestionnaire()], database = 'ui' } = {}): Promise<string> {
  const name = freshDatabase(database);
  window.location.hash = '';
  offerQuestionnaires(...questionnaires);
  await act(() => useSession.getState().openStorage());
  await act(() => i18n.changeLanguage('en'));
  return name;
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Catches what the app downloads (an object URL clicked through an <a download>), in the order it happened. */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
  return downloads;
}
