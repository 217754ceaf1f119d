import { type ChangeEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { revealHidden } from '../../engine/hidden-characters';
import { LOCALE_TAGS } from '../../engine/localize';
import { useAssessments } from '../../state/assessments';
import { type ImportSummary, MAX_IMPORT_BYTES, useBackup } from '../../state/backup';
import { downloadBlob } from '../common/download';
import { useLanguage } from '../common/useLanguage';
import { ConflictDialog } from './ConflictDialog';
import { ImportErrors } from './ImportErrors';
import './backup.css';

function summaryText(summary: ImportSummary, t: (key: string, values?: Record<string, unknown>) => string): string {
  const parts = [
    summary.added > 0 && t('backup:import.added', { count: summary.added }),
    summary.copied > 0 && t('backup:import.copied', { count: summary.copied }),
    summary.replaced > 0 && t('backup:import.replaced', { count: summary.replaced }),
    summary.alreadyPresent > 0 && t('backup:import.alreadyPresent', { count: summary.alreadyPresent }),
    summary.skipped > 0 && t('backup:import.skipped', { count: summary.skipped }),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' ') : t('backup:import.empty');
}

/** Export everything or one assessment as a JSON backup; import a backup, a report's JSON or a PDF report. */
export function BackupSection() {
  const { t } = useTranslation();
  const id = useId();
  const language = useLanguage();
  const assessments = useAssessments();
  const {
    phase,
    fileName,
    errors,
    failure,
    notSavedReason,
    summary,
    exported,
    exportedTooLargeToImport,
    conflicts,
    unsignedOnImport,
    activeContentOnImport,
  } = useBackup();
  const { exportBackup, importFile, resolveConflicts, cancelImport } = useBackup.getState();
  const busy = phase !== 'idle';
  const input = useRef<HTMLInputElement>(null);

  const exportAndDownload = async (assessment?: { id: string; title: string }) => {
    const file = await exportBackup(assessment);
    if (file) downloadBlob(file.blob, file.fileName);
  };
  // The input stays enabled (a disabled one would drop focus); a file chosen while another is handled is ignored.
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again is a new import.
    event.target.value = '';
    if (file) void importFile(file);
  };

  const status =
    phase === 'exporting'
      ? t('backup:export.working')
      : phase === 'reading'
        ? t('backup:import.reading', { name: fileName ?? '' })
        : phase === 'importing'
          ? t('backup:import.writing')
          : phase === 'choosing'
            ? t('backup:import.choosing')
            : summary
              ? summaryText(summary, t)
              : exported
                ? t(exportedTooLargeToImport ? 'backup:export.doneTooLarge' : 'backup:export.done', {
                    name: exported,
                    max: MAX_IMPORT_BYTES / (1024 * 1024),
                  })
                : '';

  return (
    <section className="backup-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('backup:title')}</h2>
      <p className="hint">{t('backup:intro')}</p>
      <div className="backup-actions">
        <button type="button" onClick={() => void exportAndDownload()} disabled={busy || assessments?.length === 0}>
          {t('backup:export.all')}
        </button>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('backup:import.label')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,.pdf,application/json,application/pdf"
            aria-describedby={`${id}-file-hint`}
            onChange={onFile}
            ref={input}
          />
          <p className="hint" id={`${id}-file-hint`}>
            {t('backup:import.hint', { max: MAX_IMPORT_BYTES / (1024 * 1024) })}
          </p>
        </div>
      </div>
      {/* Always present, so screen readers announce what appears in it; a status only while it has a message. */}
      <p className="hint backup-status" aria-live="polite" role={status ? 'status' : undefined}>
        {status}
      </p>
      {unsignedOnImport.length > 0 && (
        <div role="alert" className="notice warning">
          {unsignedOnImport.map(({ id, title, reason }) => (
            <p key={id}>
              {t(reason === 'signatureInvalid' ? 'backup:import.signatureNotKept' : 'backup:import.signOffNotKept', {
                title,
              })}
            </p>
          ))}
        </div>
      )}
      {activeContentOnImport.length > 0 && (
        <p role="alert" className="notice warning">
          {t('backup:import.activeContent', {
            names: new Intl.ListFormat(LOCALE_TAGS[language], { type: 'conjunction' }).format(
              activeContentOnImport.map((name) => t('backup:import.quotedName', { name: revealHidden(name) })),
            ),
          })}
        </p>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {failure === 'notSaved'
            ? t('save.notDone', { reason: t(`save.reason.${notSavedReason ?? 'unknown'}`) })
            : t(`backup:failure.${failure}`)}
        </p>
      )}
      {errors.length > 0 && <ImportErrors fileName={fileName} errors={errors} />}
      {assessments && assessments.length > 0 && (
        <details className="backup-one">
          <summary>{t('backup:export.oneHeading')}</summary>
          <ul>
            {assessments.map((a) => (
              <li key={a.id}>
                <span className="backup-one-title">{revealHidden(a.title)}</span>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  aria-label={t('backup:export.oneLabel', { title: a.title })}
                  onClick={() => void exportAndDownload({ id: a.id, title: a.title })}
                >
                  {t('backup:export.one')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {phase === 'choosing' && (
        <ConflictDialog
          conflicts={conflicts}
          onConfirm={(d) => void resolveConflicts(d)}
          onCancel={cancelImport}
          returnFocus={input}
        />
      )}
    </section>
  );
}
