import type { ASSESSMENT_FILE_FORMAT, ASSESSMENT_FILE_FORMAT_VERSION } from '../engine/assessment-file';
import type { TeamAnswer } from '../engine/team-document';
import type { Answer, Language, Questionnaire, SignOff } from '../engine/types';

/** What a report says about the assessment itself (the cover page, the metadata). */
export interface ReportAssessment {
  id: string;
  title: string;
  organisation: string;
  aiSystem: string;
  assessor: string;
  status: string;
  created: string;
  updated: string;
  revision?: number;
  signOff?: ReportSignOff;
}

export type ReportSignOff = SignOff;

/** An evidence file as the report lists it: its identity and fingerprint, not its content. */
export interface ReportEvidence {
  questionId: string;
  name: string;
  size: number;
  sha256: string;
}

export interface ReportInput {
  questionnaire: Questionnaire;
  assessment: ReportAssessment;
  /** In a shared assessment each answer says who last changed it (the annex lists them). */
  answers: ReadonlyMap<string, TeamAnswer>;
  evidence?: readonly ReportEvidence[];
}

/** Translates a report string (`locales/<language>/report.json`) in the report's language. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ReportOptions {
  language: Language;
  /** The moment written on the report; the same moment gives byte-identical output. */
  generatedAt: Date;
  t: Translate;
  fonts: { regular: Uint8Array; bold: Uint8Array };
}

/** The assessment as attached inside the PDF, so a report can later be imported back. */
export interface AssessmentFile {
  format: typeof ASSESSMENT_FILE_FORMAT;
  formatVersion: typeof ASSESSMENT_FILE_FORMAT_VERSION;
  exportedAt: string;
  questionnaire: { id: string; version: string };
  assessment: ReportAssessment & { questionnaireId: string; questionnaireVersion: string };
  answers: Answer[];
}
