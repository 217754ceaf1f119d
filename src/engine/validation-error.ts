import type { SchemaError } from './schema-validator';

/** Codes the interface and the CLI translate (locales/*\/validation.json). */
export type ValidationCode =
  | 'notJson'
  | 'tooDeep'
  | 'schema'
  | 'invalidCondition'
  | 'outcomeRule'
  | 'missingTranslation'
  | 'blankTranslation'
  | 'unknownProperty'
  | 'referenceFormat'
  | 'duplicateId'
  | 'duplicateOption'
  | 'conditionUnknownQuestion'
  | 'conditionNotEarlier'
  | 'conditionUnknownOption'
  | 'conditionWrongType'
  | 'propertyNotForType'
  | 'minAboveMax'
  | 'outcomeDetailNotChoice'
  | 'duplicateOutcome';

/** Where (a JSON pointer into the document) and what; never thrown, always returned. */
export interface ValidationError {
  pointer: string;
  code: ValidationCode;
  params: Record<string, string | number>;
  /** The structural error as ajv reported it, for localised messages (ajv-i18n). */
  schemaError?: SchemaError;
}

export function validationError(
  pointer: string,
  code: ValidationCode,
  params: Record<string, string | number> = {},
): ValidationError {
  return { pointer, code, params };
}
