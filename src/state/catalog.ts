import extra from 'virtual:extra-questionnaires';
import { create } from 'zustand';
import type { LoadResult } from '../engine/load';
import type { Questionnaire } from '../engine/types';
import { compareVersions } from '../engine/version';

export interface CatalogEntry {
  /** Where the questionnaire came from, e.g. "ai-act-scoping.json". */
  source: string;
  result: LoadResult;
}

interface CatalogState {
  status: 'idle' | 'loading' | 'ready';
  entries: CatalogEntry[];
  load: () => Promise<void>;
}

const shipped = import.meta.glob<unknown>('../../questionnaires/*.json', { import: 'default' });
// The build may add questionnaires (the benchmark's generated ones in mode "bench"; none otherwise): vite.config.ts.
const builtIn = { ...shipped, ...extra };

/** Validates each built-in questionnaire; a broken one is listed with its errors and never breaks the app. */
export async function loadBuiltInQuestionnaires(
  modules: Record<string, () => Promise<unknown>> = builtIn,
): Promise<CatalogEntry[]> {
  // The compiled validators are large; load them with the questionnaires, after the first paint.
  const { loadQuestionnaire } = await import('../engine/load');
  const entries = await Promise.all(
    Object.entries(modules).map(async ([path, importer]) => {
      const source = path.slice(path.lastIndexOf('/') + 1);
      try {
        return { source, result: loadQuestionnaire(await importer()) };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { source, result: { ok: false, errors: [{ pointer: '', code: 'notJson', params: { detail } }] } };
      }
    }),
  );
  return entries.sort((a, b) => a.source.localeCompare(b.source)) as CatalogEntry[];
}

export const useCatalog = create<CatalogState>((set, get) => ({
  status: 'idle',
  entries: [],
  load: async () => {
    if (get().status !== 'idle') return;
    set({ status: 'loading' });
    set({ status: 'ready', entries: await loadBuiltInQuestionnaires() });
  },
}));

export function validQuestionnaires(entries: readonly CatalogEntry[]): Questionnaire[] {
  return entries.flatMap((e) => (e.result.ok ? [e.result.questionnaire] : []));
}

/** An assessment is pinned to its questionnaire's id and version. */
export function findQuestionnaire(
  entries: readonly CatalogEntry[],
  id: string,
  version?: string,
): Questionnaire | undefined {
  return validQuestionnaires(entries).find((q) => q.id === id && (version === undefined || q.version === version));
}

/** The newest version of a questionnaire this build ships, if any. */
export function latestQuestionnaire(entries: readonly CatalogEntry[], id: string): Questionnaire | undefined {
  return validQuestionnaires(entries)
    .filter((q) => q.id === id)
    .sort((a, b) => compareVersions(b.version, a.version))[0];
}
