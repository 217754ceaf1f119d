import { useTranslation } from 'react-i18next';
import { describeAnswer, formatDateTime } from '../../engine/format';
import type { HistoryRecord } from '../../engine/records';
import type { Language, Question } from '../../engine/types';
import { useHistory } from '../../state/lifecycle';
import '../../i18n/team-resources';

function Fields({
  question,
  fields,
  language,
}: {
  question: Question;
  fields: HistoryRecord['before'];
  language: Language;
}) {
  const { t } = useTranslation();
  const parts = [
    describeAnswer(question, fields.value, language, (v) => t(`conformity.${v}`)) ?? t('summary.unanswered'),
    fields.justification && `${t('question.justification')} ${fields.justification}`,
    fields.comment && `${t('question.comment')}: ${fields.comment}`,
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

/** Every change of one answer, newest first; subscribed only while shown. */
export function AnswerHistory({
  assessmentId,
  question,
  language,
}: {
  assessmentId: string;
  question: Question;
  language: Language;
}) {
  const { t } = useTranslation();
  const history = useHistory(assessmentId, question.id);
  if (!history) return <p role="status">{t('common.loading')}</p>;
  if (history.length === 0) return <p className="hint">{t('history.none')}</p>;
  return (
    <ol className="history">
      {history.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
          {entry.by && <span className="history-author"> {t('team.history.by', { name: entry.by.name })}</span>}:{' '}
          <span className="before">
            <Fields question={question} fields={entry.before} language={language} />
          </span>{' '}
          → <Fields question={question} fields={entry.after} language={language} />
        </li>
      ))}
    </ol>
  );
}
