import { useTranslation } from 'react-i18next';
import { describeAnswer } from '../../engine/format';
import type { Answer, Language, Question } from '../../engine/types';

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
  return (
    <>{describeAnswer(question, answer?.value, language, (v) => t(`conformity.${v}`)) ?? t('summary.unanswered')}</>
  );
}
