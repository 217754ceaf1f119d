import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type DateCheck, todayIso } from '../../engine/dates';
import { formatDate, formatDateTime } from '../../engine/format';
import { canSignOff } from '../../engine/team-document';
import type { AssessmentRecord } from '../../state/assessments';
import { reopenAssessment, signOffAssessment } from '../../state/lifecycle';
import { afterSaving } from '../../state/session';
import { reopenTogether, signOffTogether, type TeamView, teamErrorCode } from '../../state/team';
import { DateField } from '../common/DateField';
import { useLanguage } from '../common/useLanguage';
import { teamErrorText } from '../team/team-error-text';
import { SignatureLine } from './SignatureLine';
import '../../i18n/team-resources';
import '../../i18n/signoff-resources';

/**
 * Finalise an assessment (read-only, with a content hash), or, once signed, reopen it as the next revision. A shared
 * assessment is signed and reopened through the team's server, by the roles that may (the server checks it too).
 */
export function SignOffPanel({ assessment, team }: { assessment: AssessmentRecord; team?: TeamView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [, navigate] = useLocation();
  const [fields, setFields] = useState({
    name: team?.link.person.name ?? assessment.assessor,
    role: '',
    statement: t('signoff.defaultStatement'),
  });
  const [date, setDate] = useState<DateCheck>(() => ({ ok: true, value: todayIso() }));
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonOf = (cause: unknown) => teamErrorText(t, teamErrorCode(cause));
  const mayDecide = !team || canSignOff(team.link.role);
  const onlyDeciders = team && !mayDecide && (
    <p className="notice">{t('team.signOff.notYourRole', { role: t(`team.roles.${team.link.role}`) })}</p>
  );

  const reopen = () => {
    setError(undefined);
    if (!team) {
      void reopenAssessment(assessment.id).then(
        (next) => navigate(`/assessments/${next.id}`),
        () => setError(t('storage.unknown')),
      );
      return;
    }
    setBusy(true);
    reopenTogether({ ...assessment, team: team.link }).then(
      (nextId) => navigate(`/assessments/${nextId}`),
      (cause: unknown) => {
        setBusy(false);
        setError(t('team.signOff.reopenFailed', { reason: reasonOf(cause) }));
      },
    );
  };

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
        <SignatureLine signOff={signOff} shared={team !== undefined} />
        <p className="hint">{formatDateTime(signOff.signedAt, language)}</p>
        {team?.nextRevisionId ? null : mayDecide ? (
          <button type="button" disabled={busy} onClick={reopen}>
            {team
              ? t('team.signOff.reopen', { revision: (assessment.revision ?? 1) + 1 })
              : t('signoff.reopen', { revision: (assessment.revision ?? 1) + 1 })}
          </button>
        ) : (
          <p className="hint">{t('team.signOff.reopenNotYourRole', { role: t(`team.roles.${team?.link.role}`) })}</p>
        )}
        {team && <p role="status">{busy ? t('team.signOff.reopening') : ''}</p>}
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
    const input = {
      name: fields.name.trim(),
      role: fields.role.trim(),
      date: signedOn,
      statement: fields.statement.trim(),
    };
    if (team) {
      setBusy(true);
      try {
        await signOffTogether(assessment.id, input);
      } catch (cause) {
        setError(t('team.signOff.failed', { reason: reasonOf(cause) }));
      } finally {
        setBusy(false);
      }
      return;
    }
    try {
      const signed = await afterSaving(() => signOffAssessment(assessment.id, input));
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
      <p className="hint">{team ? t('team.signOff.intro') : t('signoff.intro')}</p>
      {onlyDeciders || (
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
          <button type="submit" disabled={busy}>
            {team ? t('team.signOff.submit') : t('signoff.submit')}
          </button>
          {team && <p role="status">{busy ? t('team.signOff.signing') : ''}</p>}
        </form>
      )}
    </section>
  );
}
