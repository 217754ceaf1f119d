import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import { exportReport } from '../../state/export-report';
import type { StorageProblem } from '../../state/session';
import { downloadBlob } from '../common/download';
import { useLanguage } from '../common/useLanguage';

interface ExportReportProps {
  questionnaire: Questionnaire;
  assessment: AssessmentRecord;
}

/** The report language is chosen here, independently of the interface language. */
export function ExportReport({ questionnaire, assessment }: ExportReportProps) {
  const { t } = useTranslation();
  const interfaceLanguage = useLanguage();
  const [language, setLanguage] = useState<Language>(interfaceLanguage);
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const [notSaved, setNotSaved] = useState<StorageProblem>();

  const run = async () => {
    setState('working');
    setNotSaved(undefined);
    try {
      const report = await exportReport(questionnaire, assessment, language);
      if (!report.ok) {
        setNotSaved(report.problem);
        setState('idle');
        return;
      }
      downloadBlob(report.value.blob, report.value.fileName);
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
      {notSaved && (
        <p role="alert" className="field-error">
          {t('save.notDone', { reason: t(`save.reason.${notSaved}`) })}
        </p>
      )}
      {state === 'failed' && (
        <p role="alert" className="field-error">
          {t('export.failed')}
        </p>
      )}
    </section>
  );
}
