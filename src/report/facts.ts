import { sha256Hex } from '../engine/canonical';
import { questionNumbers } from '../engine/numbering';
import { evaluateOutcomes } from '../engine/outcomes';
import {
  computeVisibility,
  listGaps,
  overallConformity,
  overallProgress,
  sectionConformity,
  sectionProgress,
} from '../engine/progress';
import type { Question } from '../engine/types';
import { canonicalAnswers } from './assessment-file';
import type { ReportInput } from './types';

/** Everything the report states, computed once by the engine before any layout. */
export async function reportFacts(input: ReportInput) {
  const { questionnaire, answers } = input;
  const visibility = computeVisibility(questionnaire, answers);
  const questions = new Map<string, Question>(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  return {
    visibility,
    questions,
    numbers: questionNumbers(questionnaire),
    progress: overallProgress(questionnaire, answers, visibility),
    conformity: overallConformity(questionnaire, answers, visibility),
    sections: questionnaire.sections.map((section) => ({
      section,
      visible: visibility.sections.has(section.id),
      progress: sectionProgress(section, answers, visibility),
      conformity: sectionConformity(section, answers, visibility),
    })),
    gaps: listGaps(questionnaire, answers, visibility),
    outcomes: evaluateOutcomes(questionnaire, answers, visibility),
    answersHash: await sha256Hex(canonicalAnswers(input)),
  };
}

export type ReportFacts = Awaited<ReturnType<typeof reportFacts>>;
