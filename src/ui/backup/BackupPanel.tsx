import { lazy, Suspense } from 'react';

// The panel, its store and its messages load after the first paint: the home page's first JavaScript stays small.
const BackupSection = lazy(() => import('./BackupSection').then((m) => ({ default: m.BackupSection })));

/** Backups on the home page: export everything or one assessment, import a backup, an assessment's JSON or a report. */
export function BackupPanel() {
  return (
    <Suspense fallback={null}>
      <BackupSection />
    </Suspense>
  );
}
