import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { AssessmentRecord } from '../../state/assessments';
import { duplicateAssessment, setArchived, updateDetails, useUndo } from '../../state/lifecycle';

type Mode = 'idle' | 'rename' | 'confirmDelete';

/** Rename, re-assess, archive and delete (with confirmation, then undo) for one assessment. */
export function AssessmentActions({ assessment }: { assessment: AssessmentRecord }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<Mode>('idle');
  const [title, setTitle] = useState(assessment.title);
  const [error, setError] = useState<string>();
  const remove = useUndo((s) => s.remove);
  const signed = assessment.status === 'signed';
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
      {!signed && (
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
