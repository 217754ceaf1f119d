import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import { duplicateAssessment, setArchived, updateDetails, useUndo } from '../../state/lifecycle';
import { ExportStatus } from '../common/ExportStatus';
import { useAssessmentExport } from '../common/useAssessmentExport';
import { useLanguage } from '../common/useLanguage';

type Mode = 'idle' | 'rename' | 'confirmDelete';

interface AssessmentActionsProps {
  assessment: AssessmentRecord;
  /** Its questionnaire, when this version of Conformo has it: without it there is no report to make. */
  questionnaire: Questionnaire | undefined;
}

/**
 * Export (PDF report, JSON backup), rename, re-assess, archive and delete (with confirmation, then undo) for one
 * assessment.
 */
export function AssessmentActions({ assessment, questionnaire }: AssessmentActionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const exports = useAssessmentExport(assessment);
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<Mode>('idle');
  const [title, setTitle] = useState(assessment.title);
  const [error, setError] = useState<string>();
  const remove = useUndo((s) => s.remove);
  const signed = assessment.status === 'signed';
  // A shared assessment's details are its owner's: a rename anywhere else would be undone by the owner's copy.
  const mayRename = !signed && (!assessment.team || assessment.team.role === 'owner');
  const attempt = async (action: () => Promise<unknown>) => {
    try {
      setError(undefined);
      await action();
    } catch {
      setError(t('storage.unknown'));
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await updateDetails(assessment.id, { title: title.trim() || assessment.title });
      setMode('idle');
    });
  };

  if (mode === 'rename') {
    return (
      <form className="inline-form" onSubmit={rename}>
        <label htmlFor={`rename-${assessment.id}`}>{t('lifecycle.newTitle')}</label>
        <input
          id={`rename-${assessment.id}`}
          type="text"
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <button type="submit">{t('lifecycle.save')}</button>
        <button type="button" className="secondary" onClick={() => setMode('idle')}>
          {t('lifecycle.cancel')}
        </button>
      </form>
    );
  }
  if (mode === 'confirmDelete') {
    return (
      <fieldset className="confirm" aria-label={t('lifecycle.confirmDeleteLabel', { title: assessment.title })}>
        <p>{t('lifecycle.confirmDelete', { title: assessment.title })}</p>
        <button type="button" className="danger" onClick={() => void attempt(() => remove(assessment.id))}>
          {t('lifecycle.deleteForGood')}
        </button>
        <button type="button" className="secondary" onClick={() => setMode('idle')}>
          {t('lifecycle.cancel')}
        </button>
      </fieldset>
    );
  }
  return (
    <div className="actions">
      {questionnaire && (
        <button
          type="button"
          className="link-button"
          aria-label={t('export.pdfOf', { title: assessment.title })}
          disabled={exports.busy}
          onClick={() => void exports.exportPdf(questionnaire, language)}
        >
          {t('export.title')}
        </button>
      )}
      <button
        type="button"
        className="link-button"
        aria-label={t('export.backupOf', { title: assessment.title })}
        disabled={exports.busy}
        onClick={() => void exports.exportJson()}
      >
        {t('export.backup')}
      </button>
      {mayRename && (
        <button type="button" className="link-button" onClick={() => setMode('rename')}>
          {t('lifecycle.rename')}
        </button>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void attempt(async () => {
            const copy = await duplicateAssessment(
              assessment.id,
              t('lifecycle.reassessmentTitle', { title: assessment.title }),
            );
            navigate(`/assessments/${copy.id}`);
          })
        }
      >
        {t('lifecycle.reassess')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => void attempt(() => setArchived(assessment.id, !assessment.archived))}
      >
        {assessment.archived ? t('lifecycle.unarchive') : t('lifecycle.archive')}
      </button>
      <button type="button" className="link-button" onClick={() => setMode('confirmDelete')}>
        {t('lifecycle.delete')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ExportStatus state={exports.state} />
    </div>
  );
}

/** After a delete: say so, and offer to undo it. */
export function UndoBanner() {
  const { t } = useTranslation();
  const { deleted, undo, dismiss } = useUndo();
  if (!deleted) return null;
  return (
    <div className="notice undo" role="status">
      <p>{t('lifecycle.deleted', { title: deleted.assessment.title })}</p>
      <button type="button" onClick={() => void undo()}>
        {t('lifecycle.undo')}
      </button>
      <button type="button" className="secondary" onClick={dismiss}>
        {t('lifecycle.dismiss')}
      </button>
    </div>
  );
}
