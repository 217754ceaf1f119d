import { useTranslation } from 'react-i18next';
import { isRequired } from '../../engine/progress';
import type { QuestionInputProps, QuestionRenderer } from './types';

const DEFAULT_MAX_LENGTH = { shortText: 1_000, longText: 100_000 } as const;

function TextInput({ question, answer, idPrefix, labelledBy, onChange, onCommit }: QuestionInputProps) {
  const { t } = useTranslation();
  const text = typeof answer?.value === 'string' ? answer.value : '';
  const long = question.type === 'longText';
  const maxLength = question.maxLength ?? DEFAULT_MAX_LENGTH[long ? 'longText' : 'shortText'];
  const props = {
    id: `${idPrefix}-input`,
    'aria-labelledby': labelledBy,
    required: isRequired(question),
    maxLength,
    value: text,
    onChange: (event: { target: { value: string } }) =>
      onChange(event.target.value === '' ? null : event.target.value, { immediate: false }),
    onBlur: onCommit,
  };
  return (
    <div className="text-answer">
      {long ? <textarea rows={5} {...props} /> : <input type="text" {...props} />}
      {text.length > maxLength * 0.9 && (
        <p className="hint">{t('question.charactersLeft', { count: maxLength - text.length })}</p>
      )}
    </div>
  );
}

export const textRenderer: QuestionRenderer = {
  name: 'text',
  rank: (q) => (q.type === 'shortText' || q.type === 'longText' ? 10 : -1),
  Component: TextInput,
};
