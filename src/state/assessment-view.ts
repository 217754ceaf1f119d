import { useEffect, useMemo } from 'react';
import { computeVisibility, type Visibility } from '../engine/progress';
import type { Answer, Questionnaire } from '../engine/types';
import { type AssessmentRecord, useAnswers, useAssessment } from './assessments';
import { findQuestionnaire, useCatalog } from './catalog';

export type AssessmentView =
  | { status: 'loading' }
  | { status: 'notFound' }
  | { status: 'questionnaireMissing'; assessment: AssessmentRecord }
  | {
      status: 'ready';
      assessment: AssessmentRecord;
      questionnaire: Questionnaire;
      answers: Map<string, Answer>;
      visibility: Visibility;
    };

/** Everything a screen about one assessment needs, read live from storage and recomputed only when answers change. */
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
  const visibility = useMemo(
    () => (questionnaire && answers ? computeVisibility(questionnaire, answers) : undefined),
    [questionnaire, answers],
  );
  if (assessment === null) return { status: 'notFound' };
  if (assessment === undefined || answers === undefined || catalog.status !== 'ready') return { status: 'loading' };
  if (!questionnaire || !visibility) return { status: 'questionnaireMissing', assessment };
  return { status: 'ready', assessment, questionnaire, answers, visibility };
}
