import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateCheck, formatDateField, parseDateField } from '../../engine/dates';
import type { Language } from '../../engine/types';

interface DateFieldProps {
  id: string;
  /** The stored date, ISO yyyy-mm-dd, or '' for none. */
  value: string;
  language: Language;
  /** Called on every change with what the text means; a caller stores `value` only when `ok`. */
  onChange: (check: DateCheck) => void;
  onBlur?: () => void;
  /** Label the field with another element (a question's text) instead of a <label for={id}>. */
  labelledBy?: string;
  required?: boolean;
  disabled?: boolean;
  /** Show a wrong date's message before the field is left, e.g. when a form is submitted. */
  showError?: boolean;
}

/**
 * A date written as the interface language writes it (dd/mm/yyyy in English and French, dd.mm.yyyy in German),
 * whatever the browser's own locale; stored as ISO. A native date input would follow the browser, not Conformo.
 */
export function DateField({
  id,
  value,
  language,
  onChange,
  onBlur,
  labelledBy,
  required,
  disabled,
  showError,
}: DateFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDateField(value, language));
  const [left, setLeft] = useState(false);
  const editing = useRef(false);
  const check = parseDateField(text);

  // Follows the stored date (another tab, a reload) and the language, except while the user is typing.
  useEffect(() => {
    if (!editing.current) setText(formatDateField(value, language));
  }, [value, language]);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const pattern = t('dateField.pattern');
  const problem = !check.ok && (left || showError) ? check.reason : undefined;
  return (
    <div className="date-field">
      <input
        id={id}
        type="text"
        autoComplete="off"
        size={12}
        maxLength={40}
        aria-labelledby={labelledBy}
        aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        aria-invalid={problem ? true : undefined}
        required={required}
        disabled={disabled}
        value={text}
        onChange={(event) => {
          editing.current = true;
          setText(event.target.value);
          onChange(parseDateField(event.target.value));
        }}
        onBlur={() => {
          editing.current = false;
          setLeft(true);
          // "1.3.2026" becomes "01.03.2026": what is shown is what was understood.
          if (check.ok) setText(check.value ? formatDateField(check.value, language) : '');
          onBlur?.();
        }}
      />
      <span className="hint" id={hintId}>
        {pattern}
      </span>
      {problem && (
        <p className="field-error" id={errorId} role="alert">
          {t(`dateField.${problem}`, { pattern, example: formatDateField('2026-03-31', language) })}
        </p>
      )}
    </div>
  );
}
