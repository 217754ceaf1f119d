import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../engine/format';
import { revealHidden } from '../../engine/hidden-characters';
import type { ImportConflict, ImportDecision } from '../../state/backup';
import { useLanguage } from '../common/useLanguage';

interface ConflictDialogProps {
  conflicts: ImportConflict[];
  onConfirm: (decisions: ReadonlyMap<string, ImportDecision>) => void;
  onCancel: () => void;
  /** Where focus goes when the dialog closes (by default, wherever it was when the dialog opened). */
  returnFocus?: RefObject<HTMLElement | null>;
}

/**
 * Asks what to do with each imported assessment whose id is already stored: keep both, replace (only when the
 * imported one is newer) or leave it out. A modal <dialog>: focus moves in, Tab stays in, Escape cancels, and focus
 * returns where it was.
 */
export function ConflictDialog({ conflicts, onConfirm, onCancel, returnFocus }: ConflictDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [choices, setChoices] = useState<Map<string, ImportDecision>>(
    () => new Map(conflicts.map((c) => [c.id, 'keepBoth'])),
  );

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('input:checked')?.focus();
    const target = returnFocus?.current ?? opener;
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      target?.focus();
    };
  }, [returnFocus]);

  const choose = (conflictId: string, decision: ImportDecision) =>
    setChoices((previous) => new Map(previous).set(conflictId, decision));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(choices);
  };

  return (
    <dialog
      ref={ref}
      className="backup-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        // Browsers without a modal <dialog> (and test DOMs) still close on Escape.
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('backup:conflict.title')}</h2>
        <p id={`${id}-intro`}>{t('backup:conflict.intro', { count: conflicts.length })}</p>
        {conflicts.map((conflict, index) => {
          const name = `${id}-choice-${index}`;
          const option = (decision: ImportDecision, label: string) => (
            <label className="choice" key={decision}>
              <input
                type="radio"
                name={name}
                value={decision}
                checked={choices.get(conflict.id) === decision}
                onChange={() => choose(conflict.id, decision)}
              />
              {label}
            </label>
          );
          return (
            <fieldset key={conflict.id} className="backup-conflict">
              <legend>{revealHidden(conflict.title)}</legend>
              <p className="hint">
                {t('backup:conflict.dates', {
                  stored: formatDateTime(conflict.storedUpdated, language),
                  imported: formatDateTime(conflict.importedUpdated, language),
                })}
              </p>
              {option(
                'keepBoth',
                t('backup:conflict.keepBoth', { title: `${conflict.title}${t('backup:copySuffix')}` }),
              )}
              {conflict.canReplace && option('replace', t('backup:conflict.replace'))}
              {option('skip', t('backup:conflict.skip'))}
              {!conflict.canReplace && <p className="hint">{t('backup:conflict.noReplace')}</p>}
            </fieldset>
          );
        })}
        <div className="backup-dialog-actions">
          <button type="submit">{t('backup:conflict.confirm')}</button>
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('backup:conflict.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
