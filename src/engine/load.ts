import { checkDepth } from './depth';
import { validateQuestionnaireSchema } from './generated/validators.js';
import { simplifySchemaErrors } from './schema-errors';
import { checkSemantics } from './semantic-checks';
import type { Questionnaire } from './types';
import { type ValidationError, validationError } from './validation-error';

export type LoadResult = { ok: true; questionnaire: Questionnaire } | { ok: false; errors: ValidationError[] };

/** Loading is validating: structure first (ajv, compiled ahead of time), then meaning. Never throws. */
export function loadQuestionnaire(data: unknown): LoadResult {
  const depthError = checkDepth(data);
  if (depthError) return { ok: false, errors: [depthError] };
  if (!validateQuestionnaireSchema(data)) {
    return { ok: false, errors: simplifySchemaErrors(validateQuestionnaireSchema.errors ?? []) };
  }
  const questionnaire = data as Questionnaire;
  const errors = checkSemantics(questionnaire);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, questionnaire };
}

export function parseQuestionnaire(text: string): LoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [validationError('', 'notJson', { detail: (error as Error).message })] };
  }
  return loadQuestionnaire(data);
}
