import { useTranslation } from 'react-i18next';
import type { QuestionInputProps, QuestionRenderer } from './types';
import { useDraft } from './useDraft';

const DEFAULT_MAX_LENGTH = { shortText: 1_000, longText: 100_000 } as const;

function TextInput({ question, answer, idPrefix, labelledBy, onChange, onCommit }: QuestionInputProps) {
  const { t } = useTranslation();
  const { draft, change, settle } = useDraft(typeof answer?.value === 'string' ? answer.value : '');
  const long = question.type === 'longText';
  const maxLength = question.maxLength ?? DEFAULT_MAX_LENGTH[long ? 'longText' : 'shortText'];
  const props = {
    id: `${idPrefix}-input`,
    'aria-labelledby': labelledBy,
    required: question.required !== false,
    maxLength,
    value: draft,
    onChange: (event: { target: { value: string } }) => {
      change(event.target.value);
      onChange(event.target.value === '' ? null : event.target.value, { immediate: false });
    },
    onBlur: () => {
      settle();
      onCommit();
    },
  };
  return (
    <div className="text-answer">
      {long ? <textarea rows={5} {...props} /> : <input type="text" {...props} />}
      {draft.length > maxLength * 0.9 && (
        <p className="hint">{t('question.charactersLeft', { count: maxLength - draft.length })}</p>
      )}
    </div>
  );
}

export const textRenderer: QuestionRenderer = {
  name: 'text',
  rank: (q) => (q.type === 'shortText' || q.type === 'longText' ? 10 : -1),
  Component: TextInput,
};
