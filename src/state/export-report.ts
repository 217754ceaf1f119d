import i18next from 'i18next';
import { slug } from '../engine/format';
import type { AssessmentRecord } from '../engine/records';
import type { Answer, Language, Questionnaire } from '../engine/types';
import { listEvidence } from '../storage/evidence';
import { listAnswers } from '../storage/repository';
import { toAnswerMap } from './assessments';
import { type AfterSaving, afterSaving } from './session';

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

function fileNameFor(title: string, language: Language, at: Date): string {
  return `conformo-${slug(title)}-${language}-${at.toISOString().slice(0, 10)}.pdf`;
}

/**
 * Builds the PDF in the chosen report language, whatever the interface language is, from what is stored once every
 * change is durable: a report never misses the last answer given, nor shows one that was not saved.
 */
export function exportReport(
  questionnaire: Questionnaire,
  assessment: AssessmentRecord,
  language: Language,
  now = new Date(),
): Promise<AfterSaving<ReportFile>> {
  return afterSaving(async () => {
    const answers = toAnswerMap(await listAnswers(assessment.id));
    return buildReportFile(questionnaire, assessment, answers, language, now);
  });
}

async function buildReportFile(
  questionnaire: Questionnaire,
  assessment: AssessmentRecord,
  answers: ReadonlyMap<string, Answer>,
  language: Language,
  now: Date,
): Promise<ReportFile> {
  const [{ buildReport }, { reportResources }, { loadReportFonts }] = await Promise.all([
    import('../report'),
    import('../i18n/report-resources'),
    import('./report-fonts'),
  ]);
  if (!i18next.hasResourceBundle(language, 'report')) {
    i18next.addResourceBundle(language, 'report', reportResources[language]);
  }
  const t = i18next.getFixedT(language, 'report');
  const evidence = (await listEvidence(assessment.id)).map(({ questionId, name, size, sha256 }) => ({
    questionId,
    name,
    size,
    sha256,
  }));
  const bytes = await buildReport(
    { questionnaire, assessment, answers, evidence },
    { language, generatedAt: now, fonts: await loadReportFonts(), t: (key, values) => t(key, values) },
  );
  return {
    blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }),
    fileName: fileNameFor(assessment.title, language, now),
  };
}
