import { useEffect, useMemo } from 'react';
import { computeVisibility, type Visibility } from '../engine/progress';
import type { Answer, Questionnaire } from '../engine/types';
import { compareVersions } from '../engine/version';
import { type AssessmentRecord, useAnswers, useAssessment } from './assessments';
import { findQuestionnaire, latestQuestionnaire, useCatalog } from './catalog';
import { overlayPending } from './pending-answers';
import { useSession } from './session';

export type AssessmentView =
  | { status: 'loading' }
  | { status: 'notFound' }
  | {
      status: 'questionnaireMissing';
      assessment: AssessmentRecord;
      latest: Questionnaire | undefined;
      answers: Map<string, Answer>;
    }
  | {
      status: 'ready';
      assessment: AssessmentRecord;
      questionnaire: Questionnaire;
      answers: Map<string, Answer>;
      visibility: Visibility;
      /** A newer version of the questionnaire, when this build ships one. */
      newer: Questionnaire | undefined;
    };

/** Everything a screen about one assessment needs, read live from storage and recomputed only when answers change. */
export function useAssessmentView(assessmentId: string): AssessmentView {
  const catalog = useCatalog();
  const assessment = useAssessment(assessmentId);
  const stored = useAnswers(assessmentId);
  const pending = useSession((s) => s.pending);
  const answers = useMemo(
    () => (stored ? overlayPending(stored, pending, assessmentId) : undefined),
    [stored, pending, assessmentId],
  );
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
  const latest = latestQuestionnaire(catalog.entries, assessment.questionnaireId);
  if (!questionnaire || !visibility) return { status: 'questionnaireMissing', assessment, latest, answers };
  const newer = latest && compareVersions(latest.version, questionnaire.version) > 0 ? latest : undefined;
  return { status: 'ready', assessment, questionnaire, answers, visibility, newer };
}
