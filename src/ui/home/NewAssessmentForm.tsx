import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { localize } from '../../engine/localize';
import type { Questionnaire } from '../../engine/types';
import { startAssessment } from '../../state/assessments';
import { useLanguage } from '../common/useLanguage';

const FIELDS = ['title', 'organisation', 'aiSystem', 'assessor'] as const;
type Field = (typeof FIELDS)[number];

export function NewAssessmentForm({ questionnaires }: { questionnaires: Questionnaire[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [, navigate] = useLocation();
  const [questionnaireKey, setQuestionnaireKey] = useState('');
  const [values, setValues] = useState<Record<Field, string>>({
    title: '',
    organisation: '',
    aiSystem: '',
    assessor: '',
  });
  const [error, setError] = useState<string>();
  const selected = questionnaires.find((q) => `${q.id}@${q.version}` === questionnaireKey) ?? questionnaires[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    try {
      const record = await startAssessment({
        questionnaireId: selected.id,
        questionnaireVersion: selected.version,
        title: values.title.trim() || localize(selected.title, language),
        organisation: values.organisation.trim(),
        aiSystem: values.aiSystem.trim(),
        assessor: values.assessor.trim(),
      });
      navigate(`/assessments/${record.id}`);
    } catch {
      setError(t('storage.saveFailed'));
    }
  };

  return (
    <form className="new-assessment" onSubmit={submit} aria-labelledby="new-assessment-heading">
      <h2 id="new-assessment-heading">{t('home.newAssessment')}</h2>
      <div className="field">
        <label htmlFor="new-questionnaire">{t('home.questionnaire')}</label>
        <select
          id="new-questionnaire"
          value={selected ? `${selected.id}@${selected.version}` : ''}
          onChange={(event) => setQuestionnaireKey(event.target.value)}
        >
          {questionnaires.map((q) => (
            <option key={`${q.id}@${q.version}`} value={`${q.id}@${q.version}`}>
              {localize(q.title, language)} ({q.version})
            </option>
          ))}
        </select>
        {selected && <p className="hint">{localize(selected.description, language)}</p>}
      </div>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`new-${field}`}>{t(`assessment.fields.${field}`)}</label>
          <input
            id={`new-${field}`}
            type="text"
            maxLength={500}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        </div>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={!selected}>
        {t('home.start')}
      </button>
    </form>
  );
}
