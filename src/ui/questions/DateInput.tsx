import { isRequired } from '../../engine/progress';
import { DateField } from '../common/DateField';
import type { QuestionInputProps, QuestionRenderer } from './types';

/** A date in the interface language's own writing, whatever the browser's locale (a native date input follows that). */
function DateInput({ question, answer, language, idPrefix, labelledBy, onChange, onCommit }: QuestionInputProps) {
  return (
    <DateField
      id={`${idPrefix}-input`}
      labelledBy={labelledBy}
      required={isRequired(question)}
      value={typeof answer?.value === 'string' ? answer.value : ''}
      language={language}
      onChange={(check) => {
        if (check.ok) onChange(check.value, { immediate: false });
      }}
      onBlur={onCommit}
    />
  );
}

export const dateRenderer: QuestionRenderer = {
  name: 'date',
  rank: (q) => (q.type === 'date' ? 10 : -1),
  Component: DateInput,
};
