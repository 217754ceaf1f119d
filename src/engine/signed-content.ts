import { canonicalJson } from './canonical';
import type { AssessmentRecord } from './records';
import type { Answer } from './types';

/** The part of an assessment a signature covers. */
export type SignedAssessment = Pick<
  AssessmentRecord,
  'questionnaireId' | 'questionnaireVersion' | 'title' | 'organisation' | 'aiSystem' | 'assessor' | 'revision'
>;

/**
 * What a signature covers: the assessment's details and every answer, as canonical JSON. Not its id: an identical
 * copy (a backup imported next to the original) carries the same signed content and its hash still verifies.
 * Defined in the engine so that the app and the team server compute it the same way.
 */
export function signedContent(snapshot: { assessment: SignedAssessment; answers: readonly Answer[] }): string {
  const { questionnaireId, questionnaireVersion, title, organisation, aiSystem, assessor, revision } =
    snapshot.assessment;
  const answers = [...snapshot.answers]
    .sort((a, b) => (a.questionId < b.questionId ? -1 : 1))
    .map(({ questionId, value, justification, comment }) => ({ questionId, value, justification, comment }));
  return canonicalJson({
    assessment: {
      questionnaireId,
      questionnaireVersion,
      title,
      organisation,
      aiSystem,
      assessor,
      revision: revision ?? 1,
    },
    answers,
  });
}
