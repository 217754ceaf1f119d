import { ASSESSMENT_FILE_FORMAT, ASSESSMENT_FILE_FORMAT_VERSION } from '../engine/assessment-file';
import { canonicalJson } from '../engine/canonical';
import type { AssessmentFile, ReportInput } from './types';

/** Answers in questionnaire-independent, stable order (by question id), so the same answers hash the same. */
export function sortedAnswers(input: ReportInput) {
  return [...input.answers.values()].sort((a, b) =>
    a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
  );
}

export function toAssessmentFile(input: ReportInput, exportedAt: Date): AssessmentFile {
  return {
    format: ASSESSMENT_FILE_FORMAT,
    formatVersion: ASSESSMENT_FILE_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    questionnaire: { id: input.questionnaire.id, version: input.questionnaire.version },
    assessment: {
      ...input.assessment,
      questionnaireId: input.questionnaire.id,
      questionnaireVersion: input.questionnaire.version,
    },
    answers: sortedAnswers(input),
  };
}

/** What the annex hash covers: the answers alone, canonical JSON. */
export function canonicalAnswers(input: ReportInput): string {
  return canonicalJson(sortedAnswers(input));
}
