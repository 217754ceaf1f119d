import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type Questionnaire } from '../../engine/types';
import type { AssessmentRecord } from '../../state/assessments';
import { ExportStatus } from '../common/ExportStatus';
import { useAssessmentExport } from '../common/useAssessmentExport';
import { useLanguage } from '../common/useLanguage';

interface ExportReportProps {
  questionnaire: Questionnaire;
  assessment: AssessmentRecord;
}

/** This assessment as a PDF report (in a language chosen here, whatever the interface's) or as a JSON backup. */
export function ExportReport({ questionnaire, assessment }: ExportReportProps) {
  const { t } = useTranslation();
  const interfaceLanguage = useLanguage();
  const [language, setLanguage] = useState<Language>(interfaceLanguage);
  const { state, busy, exportPdf, exportJson } = useAssessmentExport(assessment);

  return (
    <section className="export" aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="field inline">
        <label htmlFor="report-language">{t('export.language')}</label>
        <select id="report-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`export.languages.${code}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportPdf(questionnaire, language)} disabled={busy}>
          {t('export.button')}
        </button>
      </div>
      <div className="field inline">
        <button
          type="button"
          className="secondary"
          onClick={() => void exportJson()}
          disabled={busy}
          aria-describedby="export-backup-hint"
        >
          {t('export.backupButton')}
        </button>
        <span className="hint" id="export-backup-hint">
          {t('export.backupHint')}
        </span>
      </div>
      <ExportStatus state={state} />
    </section>
  );
}
