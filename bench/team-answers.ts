/** The answers a simulated team member holds: the bench's 1,000-question answers (~700-character comments), signed. */
import type { TeamAnswer, TeamPerson } from '../src/engine/team-document';
import { answersFor } from './answers';
import { generateQuestionnaire } from './questionnaire';

export const TEAM_ANSWERS = 1000;

let generated: TeamAnswer[] | undefined;

export function teamAnswers(by: TeamPerson): TeamAnswer[] {
  generated ??= answersFor(generateQuestionnaire(TEAM_ANSWERS));
  return generated.map((answer) => ({ ...answer, updatedBy: by }));
}
