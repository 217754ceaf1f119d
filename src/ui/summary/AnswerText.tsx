import { useTranslation } from 'react-i18next';
import { localize } from '../../engine/localize';
import type { Answer, Language, Question } from '../../engine/types';
import { formatDate, formatNumber } from '../common/format';

/** An answer as words in the reader's language; user text is rendered as text, never as markup. */
export function AnswerText({
  question,
  answer,
  language,
}: {
  question: Question;
  answer: Answer | undefined;
  language: Language;
}) {
  const { t } = useTranslation();
  const value = answer?.value;
  if (value === undefined) return <>{t('summary.unanswered')}</>;
  const label = (v: string) => localize(question.options?.find((o) => o.value === v)?.label, language) || v;
  switch (question.type) {
    case 'conformity':
      return <>{t(`conformity.${String(value)}`)}</>;
    case 'singleChoice':
      return <>{label(String(value))}</>;
    case 'multipleChoice':
      return <>{(Array.isArray(value) ? value : [String(value)]).map(label).join(', ')}</>;
    case 'number':
      return (
        <>
          {typeof value === 'number'
            ? `${formatNumber(value, language)} ${localize(question.unit, language)}`.trim()
            : String(value)}
        </>
      );
    case 'date':
      return <>{formatDate(String(value), language)}</>;
    default:
      return <>{String(value)}</>;
  }
}
