import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type DateCheck, todayIso } from '../../engine/dates';
import { formatDate, formatDateTime } from '../../engine/format';
import type { AssessmentRecord } from '../../state/assessments';
import { reopenAssessment, signOffAssessment } from '../../state/lifecycle';
import { afterSaving } from '../../state/session';
import { DateField } from '../common/DateField';
import { useLanguage } from '../common/useLanguage';

/** Finalise an assessment (read-only, with a content hash), or, once signed, reopen it as the next revision. */
export function SignOffPanel({ assessment }: { assessment: AssessmentRecord }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [, navigate] = useLocation();
  const [fields, setFields] = useState({
    name: assessment.assessor,
    role: '',
    statement: t('signoff.defaultStatement'),
  });
  const [date, setDate] = useState<DateCheck>(() => ({ ok: true, value: todayIso() }));
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string>();

  if (assessment.signOff) {
    const { signOff } = assessment;
    return (
      <section className="signoff signed" aria-labelledby="signoff-heading">
        <h3 id="signoff-heading">{t('signoff.title')}</h3>
        <p>
          {t('signoff.signedBy', { name: signOff.name, role: signOff.role, date: formatDate(signOff.date, language) })}
        </p>
        <blockquote>{signOff.statement}</blockquote>
        <p>
          {t('signoff.hash')}: <code className="hash">{signOff.contentHash}</code>
        </p>
        <p className="hint">{formatDateTime(signOff.signedAt, language)}</p>
        <button
          type="button"
          onClick={() =>
            void reopenAssessment(assessment.id).then(
              (next) => navigate(`/assessments/${next.id}`),
              () => setError(t('storage.unknown')),
            )
          }
        >
          {t('signoff.reopen', { revision: (assessment.revision ?? 1) + 1 })}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // A date that cannot be read says so beside its field; the form's message is for what is missing.
    if (!date.ok) {
      setError(undefined);
      document.getElementById('signoff-date')?.focus();
      return;
    }
    if (!fields.name.trim() || !fields.role.trim() || !date.value) {
      setError(t('signoff.required'));
      return;
    }
    const signedOn = date.value;
    setError(undefined);
    try {
      const signed = await afterSaving(() =>
        signOffAssessment(assessment.id, {
          name: fields.name.trim(),
          role: fields.role.trim(),
          date: signedOn,
          statement: fields.statement.trim(),
        }),
      );
      if (!signed.ok) setError(t('save.notDone', { reason: t(`save.reason.${signed.problem}`) }));
    } catch {
      setError(t('storage.unknown'));
    }
  };
  const field = (key: 'name' | 'role') => (
    <div className="field">
      <label htmlFor={`signoff-${key}`}>{t(`signoff.${key}`)}</label>
      <input
        id={`signoff-${key}`}
        type="text"
        required
        maxLength={500}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <section className="signoff" aria-labelledby="signoff-heading">
      <h3 id="signoff-heading">{t('signoff.title')}</h3>
      <p className="hint">{t('signoff.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {field('name')}
        {field('role')}
        <div className="field">
          <label htmlFor="signoff-date">{t('signoff.date')}</label>
          <DateField
            id="signoff-date"
            value={date.ok ? (date.value ?? '') : ''}
            language={language}
            onChange={setDate}
            required
            showError={submitted}
          />
        </div>
        <div className="field">
          <label htmlFor="signoff-statement">{t('signoff.statement')}</label>
          <textarea
            id="signoff-statement"
            rows={3}
            maxLength={5000}
            value={fields.statement}
            onChange={(e) => setFields({ ...fields, statement: e.target.value })}
          />
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t('signoff.submit')}</button>
      </form>
    </section>
  );
}
