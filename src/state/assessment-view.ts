import { useEffect, useMemo, useRef } from 'react';
import { computeVisibility, conditionInputs, type Visibility } from '../engine/progress';
import type { Answer, AnswerMap, Questionnaire } from '../engine/types';
import { compareVersions } from '../engine/version';
import { type AssessmentRecord, useAssessment } from './assessments';
import { findQuestionnaire, latestQuestionnaire, useCatalog } from './catalog';
import { useSession } from './session';
import { useStoredAnswers } from './stored-answers';
import { withUnsaved } from './unsaved-changes';

export type AssessmentView =
  | { status: 'loading' }
  | { status: 'notFound' }
  | {
      status: 'questionnaireMissing';
      assessment: AssessmentRecord;
      latest: Questionnaire | undefined;
      answers: AnswerMap;
    }
  | {
      status: 'ready';
      assessment: AssessmentRecord;
      questionnaire: Questionnaire;
      answers: AnswerMap;
      visibility: Visibility;
      /** A newer version of the questionnaire, when this build ships one. */
      newer: Questionnaire | undefined;
    };

/** One assessment's answers as the user should see them: what is stored, with what is not yet stored on top. */
export function useAnswers(assessmentId: string): AnswerMap | undefined {
  const stored = useStoredAnswers(assessmentId);
  const unsaved = useSession((s) => s.unsaved);
  return useMemo(() => stored && withUnsaved(stored, unsaved, assessmentId), [stored, unsaved, assessmentId]);
}

/**
 * Visibility, recomputed only when an answer that some condition reads has changed: typing a comment or a text
 * that no condition looks at costs nothing here, however large the questionnaire.
 */
function useVisibility(questionnaire: Questionnaire | undefined, answers: AnswerMap | undefined) {
  const last = useRef<{ questionnaire: Questionnaire; inputs: (Answer | undefined)[]; visibility: Visibility }>(
    undefined,
  );
  if (!questionnaire || !answers) return undefined;
  const inputs = conditionInputs(questionnaire).map((id) => answers.get(id));
  const previous = last.current;
  if (previous?.questionnaire === questionnaire && previous.inputs.every((answer, i) => answer === inputs[i])) {
    return previous.visibility;
  }
  const visibility = computeVisibility(questionnaire, answers);
  last.current = { questionnaire, inputs, visibility };
  return visibility;
}

/** Everything a screen about one assessment needs, read live from storage, with the unsaved changes on top. */
export function useAssessmentView(assessmentId: string): AssessmentView {
  const catalog = useCatalog();
  const assessment = useAssessment(assessmentId);
  const answers = useAnswers(assessmentId);
  useEffect(() => {
    void catalog.load();
  }, [catalog.load]);
  const questionnaire = assessment
    ? findQuestionnaire(catalog.entries, assessment.questionnaireId, assessment.questionnaireVersion)
    : undefined;
  const visibility = useVisibility(questionnaire, answers);
  if (assessment === null) return { status: 'notFound' };
  if (assessment === undefined || answers === undefined || catalog.status !== 'ready') return { status: 'loading' };
  const latest = latestQuestionnaire(catalog.entries, assessment.questionnaireId);
  if (!questionnaire || !visibility) return { status: 'questionnaireMissing', assessment, latest, answers };
  const newer = latest && compareVersions(latest.version, questionnaire.version) > 0 ? latest : undefined;
  return { status: 'ready', assessment, questionnaire, answers, visibility, newer };
}
