import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../engine/types';
import { LANGUAGES, type Language, type Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import { exportReport } from '../../state/export-report';
import { downloadBlob } from '../common/download';
import { useLanguage } from '../common/useLanguage';

interface ExportReportProps {
  questionnaire: Questionnaire;
  assessment: AssessmentRecord;
  answers: ReadonlyMap<string, Answer>;
}

/** The report language is chosen here, independently of the interface language. */
export function ExportReport({ questionnaire, assessment, answers }: ExportReportProps) {
  const { t } = useTranslation();
  const interfaceLanguage = useLanguage();
  const [language, setLanguage] = useState<Language>(interfaceLanguage);
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');

  const run = async () => {
    setState('working');
    try {
      const { blob, fileName } = await exportReport(questionnaire, assessment, answers, language);
      downloadBlob(blob, fileName);
      setState('done');
    } catch (error) {
      console.error('report export failed', error);
      setState('failed');
    }
  };

  return (
    <section className="export" aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.title')}</h3>
      <div className="field inline">
        <label htmlFor="report-language">{t('export.language')}</label>
        <select id="report-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`export.languages.${code}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()} disabled={state === 'working'}>
          {t('export.button')}
        </button>
      </div>
      <p role="status" className="hint">
        {state === 'working' ? t('export.working') : state === 'done' ? t('export.done') : ''}
      </p>
      {state === 'failed' && (
        <p role="alert" className="field-error">
          {t('export.failed')}
        </p>
      )}
    </section>
  );
}
