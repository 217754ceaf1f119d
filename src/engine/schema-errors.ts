import type { SchemaError } from './schema-validator';
import { type ValidationError, validationError } from './validation-error';

const LANGUAGE_KEYS = ['en', 'fr', 'de'];
// Compiled validators report `oneOf` failures relative to the sub-schema, so recognise them by where they point.
const CONDITION_PATH = /\/(visibleIf|when)((\/(all|any)\/\d+)|\/not)*$/;
const OUTCOME_PATH = /^\/outcomes\/\d+$/;

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/**
 * Turns ajv's raw errors into few, readable ones: a broken condition is one error, not one per branch of its
 * `oneOf`; a missing language says which; "must match then schema" echoes are dropped.
 */
export function simplifySchemaErrors(errors: readonly SchemaError[]): ValidationError[] {
  const collapsed = errors.filter(
    (e) => e.keyword === 'oneOf' && (CONDITION_PATH.test(e.instancePath) || OUTCOME_PATH.test(e.instancePath)),
  );
  const roots = collapsed.filter(
    (e) => !collapsed.some((other) => other !== e && isWithin(e.instancePath, other.instancePath)),
  );
  const result: ValidationError[] = roots.map((e) =>
    validationError(e.instancePath, OUTCOME_PATH.test(e.instancePath) ? 'outcomeRule' : 'invalidCondition'),
  );
  const seen = new Set(result.map((e) => `${e.pointer} ${e.code}`));
  for (const error of errors) {
    if (roots.some((root) => isWithin(error.instancePath, root.instancePath))) continue;
    if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
    const converted = convert(error);
    const key = `${converted.pointer} ${converted.code} ${JSON.stringify(converted.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(converted);
  }
  return result;
}

function convert(error: SchemaError): ValidationError {
  const { keyword, params, instancePath } = error;
  if (keyword === 'required' && LANGUAGE_KEYS.includes(String(params.missingProperty))) {
    return validationError(instancePath, 'missingTranslation', { language: String(params.missingProperty) });
  }
  const last = instancePath.slice(instancePath.lastIndexOf('/') + 1);
  if (keyword === 'minLength' && LANGUAGE_KEYS.includes(last)) {
    return validationError(instancePath, 'blankTranslation', { language: last });
  }
  if (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') {
    const property = String(params.additionalProperty ?? params.unevaluatedProperty);
    return validationError(`${instancePath}/${property}`, 'unknownProperty', { property });
  }
  if (keyword === 'pattern' && instancePath.endsWith('/ref')) {
    return validationError(instancePath, 'referenceFormat');
  }
  return { ...validationError(instancePath, 'schema'), schemaError: error };
}
