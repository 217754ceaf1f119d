import i18next from 'i18next';
import { create } from 'zustand';
import type { BackupError } from '../backup/errors';
import { MAX_IMPORT_BYTES } from '../backup/format';
import type { ImportFile } from '../backup/read';
import type { UnsignedOnImport } from '../backup/sign-offs';
import { slug } from '../engine/format';
import type { ImportDecision, ImportPlan, ImportSummary } from '../storage/backup';
import { classifyStorageError, type StorageProblem } from '../storage/errors';
import { useSession } from './session';

export type { BackupError, ImportDecision, ImportSummary, UnsignedOnImport };
export { MAX_IMPORT_BYTES };

// Import and export code (the backup validator, base64, pdf-lib for reports) loads on first use, not with the page.
const backupStorage = () => import('../storage/backup');
const backupReader = () => import('../backup/read');
const boundedReader = () => import('../backup/read-bounded');

/**
 * Where the browser has workers (every one Conformo supports), an imported file is read in one, with a time limit:
 * a hostile file costs that worker, never the page. Elsewhere (tests in jsdom) it is read here.
 */
async function readImport(file: ImportFile) {
  if (typeof Worker === 'function') return (await boundedReader()).readImportFileBounded(file);
  return (await backupReader()).readImportFile(file);
}

export interface BackupFile {
  blob: Blob;
  fileName: string;
}

/** conformo-backup-2026-11-29.json for everything; conformo-backup-<title>-2026-11-29.json for one assessment. */
export function backupFileName(now: Date, title?: string): string {
  const day = now.toISOString().slice(0, 10);
  return title === undefined ? `conformo-backup-${day}.json` : `conformo-backup-${slug(title)}-${day}.json`;
}

/** One assessment whose id is already stored, with what the user may choose. */
export interface ImportConflict {
  id: string;
  title: string;
  storedTitle: string;
  storedUpdated: string;
  importedUpdated: string;
  /** Replace is offered only when the imported assessment was changed after the stored one. */
  canReplace: boolean;
}

/** Why an import or export failed, beyond errors in the file itself. */
export type BackupFailure = 'exportFailed' | 'readFailed' | 'changedMeanwhile' | 'notSaved' | StorageProblem;

interface BackupState {
  phase: 'idle' | 'exporting' | 'reading' | 'choosing' | 'importing';
  /** The file being or last imported. */
  fileName: string | undefined;
  /** What is wrong with the last imported file, located by JSON pointer. */
  errors: BackupError[];
  failure: BackupFailure | undefined;
  /** With failure 'notSaved': why the latest changes could not be saved before the export. */
  notSavedReason: StorageProblem | undefined;
  /** The result of the last import. */
  summary: ImportSummary | undefined;
  /** Assessments of the last import whose sign-off did not hold (imported unsigned), and why. */
  unsignedOnImport: UnsignedOnImport[];
  /** Names of evidence files of the last import that could run code when opened: imported, and the user warned. */
  activeContentOnImport: string[];
  /** The last export's file name. */
  exported: string | undefined;
  /** The exported file is larger than an import accepts (MAX_IMPORT_BYTES): the user is told at once. */
  exportedTooLargeToImport: boolean;
  conflicts: ImportConflict[];
  exportBackup: (assessment?: { id: string; title: string }, now?: Date) => Promise<BackupFile | undefined>;
  importFile: (file: ImportFile) => Promise<void>;
  resolveConflicts: (decisions: ReadonlyMap<string, ImportDecision>) => Promise<void>;
  cancelImport: () => void;
}

/** The plan waiting for the user's choices; large (evidence bytes), so kept out of the rendered state. */
let pending: ImportPlan | undefined;
let pendingUnsigned: UnsignedOnImport[] = [];
let pendingActiveContent: string[] = [];

function failureOf(error: unknown): BackupFailure {
  return classifyStorageError(error).problem;
}

function copySuffix(): string {
  return i18next.t('backup:copySuffix');
}

export const useBackup = create<BackupState>((set, get) => {
  const apply = async (plan: ImportPlan, decisions: ReadonlyMap<string, ImportDecision>) => {
    set({ phase: 'importing', conflicts: [] });
    try {
      const { applyImport } = await backupStorage();
      const outcome = await applyImport(plan, decisions, { copySuffix: copySuffix() });
      if (outcome.ok) {
        set({
          phase: 'idle',
          summary: outcome.summary,
          unsignedOnImport: pendingUnsigned,
          activeContentOnImport: pendingActiveContent,
        });
      } else set({ phase: 'idle', failure: 'changedMeanwhile' });
    } catch (error) {
      console.error('import failed', error);
      set({ phase: 'idle', failure: failureOf(error) });
    } finally {
      pending = undefined;
      pendingUnsigned = [];
      pendingActiveContent = [];
    }
  };

  return {
    phase: 'idle',
    fileName: undefined,
    errors: [],
    failure: undefined,
    notSavedReason: undefined,
    summary: undefined,
    unsignedOnImport: [],
    activeContentOnImport: [],
    exported: undefined,
    exportedTooLargeToImport: false,
    conflicts: [],

    exportBackup: async (assessment, now = new Date()) => {
      set({
        phase: 'exporting',
        failure: undefined,
        notSavedReason: undefined,
        exported: undefined,
        exportedTooLargeToImport: false,
        errors: [],
        summary: undefined,
        unsignedOnImport: [],
        activeContentOnImport: [],
      });
      try {
        // Typed text waiting to be saved belongs in the backup: without it, no backup.
        const saved = await useSession.getState().flush();
        if (!saved.ok) {
          set({ phase: 'idle', failure: 'notSaved', notSavedReason: saved.problem });
          return undefined;
        }
        const { exportBackup } = await backupStorage();
        const document = await exportBackup(assessment ? [assessment.id] : undefined, now);
        const fileName = backupFileName(now, assessment?.title);
        const blob = new Blob([JSON.stringify(document, null, 1)], { type: 'application/json' });
        set({ phase: 'idle', exported: fileName, exportedTooLargeToImport: blob.size > MAX_IMPORT_BYTES });
        return { blob, fileName };
      } catch (error) {
        console.error('backup export failed', error);
        set({ phase: 'idle', failure: 'exportFailed' });
        return undefined;
      }
    },

    importFile: async (file) => {
      if (get().phase !== 'idle') return;
      pending = undefined;
      set({
        phase: 'reading',
        fileName: file.name,
        errors: [],
        failure: undefined,
        summary: undefined,
        exported: undefined,
        conflicts: [],
        unsignedOnImport: [],
        activeContentOnImport: [],
      });
      try {
        const read = await readImport(file);
        if (!read.ok) {
          set({ phase: 'idle', errors: read.errors });
          return;
        }
        pendingUnsigned = read.value.unsigned;
        pendingActiveContent = read.value.activeContent;
        const { planImport } = await backupStorage();
        const plan = await planImport(read.value.entries, read.value.scope);
        const conflicts = plan.items.flatMap((item): ImportConflict[] =>
          item.status === 'conflict' && item.existing
            ? [
                {
                  id: item.entry.assessment.id,
                  title: item.entry.assessment.title,
                  storedTitle: item.existing.title,
                  storedUpdated: item.existing.updated,
                  importedUpdated: item.entry.assessment.updated,
                  canReplace: item.importedIsNewer,
                },
              ]
            : [],
        );
        if (conflicts.length > 0) {
          pending = plan;
          set({ phase: 'choosing', conflicts });
          return;
        }
        await apply(plan, new Map());
      } catch (error) {
        console.error('import failed', error);
        set({
          phase: 'idle',
          failure: error instanceof Error && error.name === 'NotReadableError' ? 'readFailed' : failureOf(error),
        });
      }
    },

    resolveConflicts: async (decisions) => {
      const plan = pending;
      if (get().phase !== 'choosing' || !plan) return;
      // Replace is never allowed over a newer or equally recent stored assessment, whatever the caller asks.
      // Ids come from the file: a Map, never an object, so an id such as "__proto__" is just a key.
      const allowed = new Map(
        get().conflicts.map((c) => {
          const decision = decisions.get(c.id) ?? 'skip';
          return [c.id, decision === 'replace' && !c.canReplace ? 'skip' : decision] as const;
        }),
      );
      await apply(plan, allowed);
    },

    cancelImport: () => {
      pending = undefined;
      set({ phase: 'idle', conflicts: [], fileName: undefined });
    },
  };
});
