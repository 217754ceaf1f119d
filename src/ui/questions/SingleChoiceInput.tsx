import { localize } from '../../engine/localize';
import { isRequired } from '../../engine/progress';
import { ChoiceList } from './ChoiceList';
import type { QuestionInputProps, QuestionRenderer } from './types';

function SingleChoiceInput({ question, answer, language, idPrefix, labelledBy, onChange }: QuestionInputProps) {
  return (
    <ChoiceList
      kind="radio"
      name={idPrefix}
      idPrefix={idPrefix}
      labelledBy={labelledBy}
      required={isRequired(question)}
      choices={(question.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, language) }))}
      isChecked={(value) => answer?.value === value}
      onToggle={(value) => onChange(value)}
    />
  );
}

export const singleChoiceRenderer: QuestionRenderer = {
  name: 'singleChoice',
  rank: (q) => (q.type === 'singleChoice' && q.options ? 10 : -1),
  Component: SingleChoiceInput,
};
