import { useTranslation } from 'react-i18next';
import type { ExportState } from './useAssessmentExport';

/** What an export is doing or did; always rendered, so a screen reader announces what appears in it. */
export function ExportStatus({ state }: { state: ExportState }) {
  const { t } = useTranslation();
  const status =
    state.phase === 'working'
      ? t(state.kind === 'report' ? 'export.working' : 'backup:export.working')
      : state.phase === 'done'
        ? state.kind === 'report'
          ? t('export.done')
          : t('backup:export.done', { name: state.fileName })
        : '';
  return (
    <>
      <p className="hint export-status" role="status">
        {status}
      </p>
      {state.phase === 'failed' && (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      )}
    </>
  );
}
