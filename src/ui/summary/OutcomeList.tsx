import { useTranslation } from 'react-i18next';
import { formatDate } from '../../engine/format';
import { localize } from '../../engine/localize';
import type { OutcomeResult } from '../../engine/outcomes';
import type { Answer, Language, Question } from '../../engine/types';
import { References } from '../assessment/References';
import { AnswerText } from './AnswerText';

interface OutcomeListProps {
  results: OutcomeResult[];
  answers: ReadonlyMap<string, Answer>;
  language: Language;
  titleOf: (questionnaireId: string) => string;
}

function Because({
  questions,
  answers,
  language,
}: {
  questions: Question[];
  answers: ReadonlyMap<string, Answer>;
  language: Language;
}) {
  const { t } = useTranslation();
  if (questions.length === 0) return <p className="because">{t('summary.outcomeOtherwise')}</p>;
  return (
    <div className="because">
      <p>{t('summary.because')}</p>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            {localize(q.text, language)} —{' '}
            <strong>
              <AnswerText question={q} answer={answers.get(q.id)} language={language} />
            </strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OutcomeList({ results, answers, language, titleOf }: OutcomeListProps) {
  const { t } = useTranslation();
  return (
    <ul className="outcomes">
      {results.map(({ outcome, because, details }) => (
        <li key={outcome.id} className={`outcome outcome-${outcome.category}`}>
          <h4>
            <span className="badge">{t(`outcome.${outcome.category}`)}</span> {localize(outcome.title, language)}
          </h4>
          {details.length > 0 && (
            <ul className="outcome-details">
              {details.map((d) => (
                <li key={d.value}>{localize(d.label, language)}</li>
              ))}
            </ul>
          )}
          <p>{localize(outcome.description, language)}</p>
          <Because questions={because} answers={answers} language={language} />
          {outcome.references && <References references={outcome.references} />}
          {outcome.applies && outcome.applies.length > 0 && (
            <table className="dates">
              <caption>{t('summary.applicationDates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summary.date')}</th>
                  <th scope="col">{t('summary.obligation')}</th>
                  <th scope="col">{t('summary.source')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.applies.map((a) => (
                  <tr key={`${a.date}-${a.what.en}`}>
                    <td>{formatDate(a.date, language)}</td>
                    <td>
                      {localize(a.what, language)}
                      {a.note && <p className="note">{localize(a.note, language)}</p>}
                    </td>
                    <td>
                      {a.source.source} {a.source.ref}
                      {a.amendedBy && ` · ${a.amendedBy.source} ${a.amendedBy.ref}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {outcome.recommends && outcome.recommends.length > 0 && (
            <p>
              {t('summary.recommends')} {outcome.recommends.map(titleOf).join(' · ')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
