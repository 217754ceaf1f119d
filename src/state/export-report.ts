import i18next from 'i18next';
import type { Answer, Language, Questionnaire } from '../engine/types';
import type { AssessmentRecord } from '../storage/db';
import { listEvidence } from '../storage/evidence';

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

function fileNameFor(title: string, language: Language, at: Date): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'assessment';
  return `conformo-${slug}-${language}-${at.toISOString().slice(0, 10)}.pdf`;
}

/** Builds the PDF in the chosen report language, whatever the interface language is. */
export async function exportReport(
  questionnaire: Questionnaire,
  assessment: AssessmentRecord,
  answers: ReadonlyMap<string, Answer>,
  language: Language,
  now = new Date(),
): Promise<ReportFile> {
  const [{ buildReport, loadReportFonts }, { reportResources }] = await Promise.all([
    import('../report'),
    import('../i18n/report-resources'),
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
