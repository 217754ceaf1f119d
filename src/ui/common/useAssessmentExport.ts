import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentRecord } from '../../engine/records';
import type { Language, Questionnaire } from '../../engine/types';
import type { StorageProblem } from '../../state/session';
import { downloadBlob } from './download';

export type ExportKind = 'report' | 'backup';

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'working'; kind: ExportKind }
  | { phase: 'done'; kind: ExportKind; fileName: string }
  | { phase: 'failed'; kind: ExportKind; message: string };

/**
 * Exports one assessment as its PDF report or its JSON backup, wherever it is offered (its card on the home screen,
 * its summary). Only calls the state layer's exports, loaded on first use: the home screen's first load stays small.
 */
export function useAssessmentExport(assessment: AssessmentRecord) {
  const { t } = useTranslation();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const notSaved = (problem: StorageProblem) => t('save.notDone', { reason: t(`save.reason.${problem}`) });

  const exportPdf = async (questionnaire: Questionnaire, language: Language) => {
    setState({ phase: 'working', kind: 'report' });
    try {
      const { exportReport } = await import('../../state/export-report');
      const report = await exportReport(questionnaire, assessment, language);
      if (!report.ok) {
        setState({ phase: 'failed', kind: 'report', message: notSaved(report.problem) });
        return;
      }
      downloadBlob(report.value.blob, report.value.fileName);
      setState({ phase: 'done', kind: 'report', fileName: report.value.fileName });
    } catch (error) {
      console.error('report export failed', error);
      setState({ phase: 'failed', kind: 'report', message: t('export.failed') });
    }
  };

  const exportJson = async () => {
    setState({ phase: 'working', kind: 'backup' });
    try {
      const { useBackup } = await import('../../state/backup');
      const file = await useBackup.getState().exportBackup({ id: assessment.id, title: assessment.title });
      if (!file) {
        const { failure, notSavedReason } = useBackup.getState();
        const message =
          failure === 'notSaved'
            ? notSaved(notSavedReason ?? 'unknown')
            : t(`backup:failure.${failure ?? 'exportFailed'}`);
        setState({ phase: 'failed', kind: 'backup', message });
        return;
      }
      downloadBlob(file.blob, file.fileName);
      setState({ phase: 'done', kind: 'backup', fileName: file.fileName });
    } catch (error) {
      console.error('backup export failed', error);
      setState({ phase: 'failed', kind: 'backup', message: t('backup:failure.exportFailed') });
    }
  };

  return { state, busy: state.phase === 'working', exportPdf, exportJson };
}
