import { useTranslation } from 'react-i18next';
import { isRequired } from '../../engine/progress';
import { CONFORMITY_VALUES } from '../../engine/types';
import { ChoiceList } from './ChoiceList';
import type { QuestionInputProps, QuestionRenderer } from './types';

function ConformityInput({ question, answer, idPrefix, labelledBy, onChange }: QuestionInputProps) {
  const { t } = useTranslation();
  return (
    <ChoiceList
      kind="radio"
      name={idPrefix}
      idPrefix={idPrefix}
      labelledBy={labelledBy}
      required={isRequired(question)}
      choices={CONFORMITY_VALUES.map((value) => ({ value, label: t(`conformity.${value}`) }))}
      isChecked={(value) => answer?.value === value}
      onToggle={(value) => onChange(value)}
    />
  );
}

export const conformityRenderer: QuestionRenderer = {
  name: 'conformity',
  rank: (q) => (q.type === 'conformity' ? 10 : -1),
  Component: ConformityInput,
};
