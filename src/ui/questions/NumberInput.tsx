import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../engine/format';
import { localize } from '../../engine/localize';
import type { Question } from '../../engine/types';
import type { QuestionInputProps, QuestionRenderer } from './types';

export type NumberCheck =
  | { ok: true; value: number | null }
  | { ok: false; reason: 'notANumber' | 'notInteger' | 'range' };

export function checkNumber(question: Question, text: string): NumberCheck {
  if (text.trim() === '') return { ok: true, value: null };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'notANumber' };
  if (question.integer && !Number.isInteger(value)) return { ok: false, reason: 'notInteger' };
  if ((question.min !== undefined && value < question.min) || (question.max !== undefined && value > question.max)) {
    return { ok: false, reason: 'range' };
  }
  return { ok: true, value };
}

function NumberInput({ question, answer, language, idPrefix, labelledBy, onChange, onCommit }: QuestionInputProps) {
  const { t } = useTranslation();
  // Only text that cannot be an answer (out of range, not a number) lives here: it is shown, with why, until it is
  // corrected; every valid number is the answer itself.
  const [rejected, setRejected] = useState<string>();
  const text = rejected ?? (typeof answer?.value === 'number' ? String(answer.value) : '');
  const check = checkNumber(question, text);
  const errorId = `${idPrefix}-error`;
  const unit = localize(question.unit, language);
  return (
    <div className="number-answer">
      <input
        type="number"
        id={`${idPrefix}-input`}
        aria-labelledby={`${labelledBy} ${unit ? `${idPrefix}-unit` : ''}`.trim()}
        aria-invalid={!check.ok}
        aria-describedby={check.ok ? undefined : errorId}
        min={question.min}
        max={question.max}
        step={question.integer ? 1 : 'any'}
        value={text}
        onChange={(event) => {
          const next = checkNumber(question, event.target.value);
          setRejected(next.ok ? undefined : event.target.value);
          if (next.ok) onChange(next.value, { immediate: false });
        }}
        onBlur={onCommit}
      />
      {unit && (
        <span className="unit" id={`${idPrefix}-unit`}>
          {unit}
        </span>
      )}
      {!check.ok && (
        <p className="field-error" id={errorId} role="alert">
          {t(`question.number.${check.reason}`, {
            min: question.min === undefined ? '−∞' : formatNumber(question.min, language),
            max: question.max === undefined ? '∞' : formatNumber(question.max, language),
          })}
        </p>
      )}
    </div>
  );
}

export const numberRenderer: QuestionRenderer = {
  name: 'number',
  rank: (q) => (q.type === 'number' ? 10 : -1),
  Component: NumberInput,
};
