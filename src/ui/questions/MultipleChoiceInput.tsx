import { localize } from '../../engine/localize';
import { isRequired } from '../../engine/progress';
import type { ChoiceOption } from '../../engine/types';
import { ChoiceList } from './ChoiceList';
import type { QuestionInputProps, QuestionRenderer } from './types';

/** An exclusive option ("none of these") and the others rule each other out. */
export function toggleChoice(options: readonly ChoiceOption[], chosen: readonly string[], value: string, on: boolean) {
  if (!on) return chosen.filter((v) => v !== value);
  const exclusive = new Set(options.filter((o) => o.exclusive).map((o) => o.value));
  const kept = exclusive.has(value) ? [] : chosen.filter((v) => !exclusive.has(v));
  const next = new Set([...kept, value]);
  return options.map((o) => o.value).filter((v) => next.has(v));
}

function MultipleChoiceInput({ question, answer, language, idPrefix, labelledBy, onChange }: QuestionInputProps) {
  const options = question.options ?? [];
  const chosen = Array.isArray(answer?.value) ? answer.value : [];
  return (
    <ChoiceList
      kind="checkbox"
      name={idPrefix}
      idPrefix={idPrefix}
      labelledBy={labelledBy}
      required={isRequired(question)}
      choices={options.map((o) => ({ value: o.value, label: localize(o.label, language) }))}
      isChecked={(value) => chosen.includes(value)}
      onToggle={(value, on) => {
        const next = toggleChoice(options, chosen, value, on);
        onChange(next.length > 0 ? next : null);
      }}
    />
  );
}

export const multipleChoiceRenderer: QuestionRenderer = {
  name: 'multipleChoice',
  rank: (q) => (q.type === 'multipleChoice' && q.options ? 10 : -1),
  Component: MultipleChoiceInput,
};
