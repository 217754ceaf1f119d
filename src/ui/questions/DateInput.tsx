import { isRequired } from '../../engine/progress';
import type { QuestionInputProps, QuestionRenderer } from './types';

function DateInput({ question, answer, idPrefix, labelledBy, onChange }: QuestionInputProps) {
  return (
    <input
      type="date"
      id={`${idPrefix}-input`}
      aria-labelledby={labelledBy}
      required={isRequired(question)}
      value={typeof answer?.value === 'string' ? answer.value : ''}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    />
  );
}

export const dateRenderer: QuestionRenderer = {
  name: 'date',
  rank: (q) => (q.type === 'date' ? 10 : -1),
  Component: DateInput,
};
