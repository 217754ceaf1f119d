import type { Questionnaire } from './types';

/**
 * Stable question numbers ("3.4" = fourth question of the third section), the same on screen and in the report,
 * whatever conditions hide: an auditor's reference never shifts.
 */
export function questionNumbers(questionnaire: Questionnaire): Map<string, string> {
  const numbers = new Map<string, string>();
  questionnaire.sections.forEach((section, si) => {
    section.questions.forEach((question, qi) => {
      numbers.set(question.id, `${si + 1}.${qi + 1}`);
    });
  });
  return numbers;
}
