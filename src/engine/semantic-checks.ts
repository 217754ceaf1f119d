import { CONFORMITY_VALUES, type Condition, type Question, type Questionnaire } from './types';
import { type ValidationError, validationError } from './validation-error';

const TYPE_ONLY_PROPERTIES: Record<string, readonly Question['type'][]> = {
  options: ['singleChoice', 'multipleChoice'],
  unit: ['number'],
  min: ['number'],
  max: ['number'],
  integer: ['number'],
  maxLength: ['shortText', 'longText'],
};

/** Values a condition may compare a question's answer with, or undefined for free answers. */
function allowedValues(question: Question): readonly string[] | undefined {
  if (question.type === 'conformity') return CONFORMITY_VALUES;
  return question.options?.map((o) => o.value);
}

interface Located {
  question: Question;
  pointer: string;
}

/** Checks what a schema cannot: identity, references between questions, and meaning. Runs on valid structure. */
export function checkSemantics(questionnaire: Questionnaire): ValidationError[] {
  const errors: ValidationError[] = [];
  const all = new Map<string, Located>();
  const ids = new Set<string>();

  const claim = (id: string, pointer: string) => {
    if (ids.has(id)) errors.push(validationError(`${pointer}/id`, 'duplicateId', { id }));
    ids.add(id);
  };

  questionnaire.sections.forEach((section, si) => {
    claim(section.id, `/sections/${si}`);
    section.questions.forEach((question, qi) => {
      const pointer = `/sections/${si}/questions/${qi}`;
      claim(question.id, pointer);
      if (!all.has(question.id)) all.set(question.id, { question, pointer });
      errors.push(...checkQuestion(question, pointer));
    });
  });

  const earlier = new Set<string>();
  questionnaire.sections.forEach((section, si) => {
    if (section.visibleIf) {
      errors.push(...checkCondition(section.visibleIf, `/sections/${si}/visibleIf`, all, new Set(earlier)));
    }
    section.questions.forEach((question, qi) => {
      if (question.visibleIf) {
        const pointer = `/sections/${si}/questions/${qi}/visibleIf`;
        errors.push(...checkCondition(question.visibleIf, pointer, all, earlier));
      }
      earlier.add(question.id);
    });
  });

  const outcomeIds = new Set<string>();
  questionnaire.outcomes?.forEach((outcome, oi) => {
    const pointer = `/outcomes/${oi}`;
    if (outcomeIds.has(outcome.id))
      errors.push(validationError(`${pointer}/id`, 'duplicateOutcome', { id: outcome.id }));
    outcomeIds.add(outcome.id);
    if (outcome.when) errors.push(...checkCondition(outcome.when, `${pointer}/when`, all, undefined));
    if (outcome.detailFrom) {
      const detail = all.get(outcome.detailFrom)?.question;
      if (!detail) {
        errors.push(
          validationError(`${pointer}/detailFrom`, 'conditionUnknownQuestion', { question: outcome.detailFrom }),
        );
      } else if (!detail.options) {
        errors.push(validationError(`${pointer}/detailFrom`, 'outcomeDetailNotChoice', { question: detail.id }));
      }
    }
  });

  errors.push(...checkTranslations(questionnaire, ''));
  return errors;
}

function checkQuestion(question: Question, pointer: string): ValidationError[] {
  const errors: ValidationError[] = [];
  for (const [property, types] of Object.entries(TYPE_ONLY_PROPERTIES)) {
    if (property in question && !types.includes(question.type)) {
      errors.push(validationError(`${pointer}/${property}`, 'propertyNotForType', { property, type: question.type }));
    }
  }
  const values = new Set<string>();
  question.options?.forEach((option, oi) => {
    if (values.has(option.value)) {
      errors.push(validationError(`${pointer}/options/${oi}/value`, 'duplicateOption', { value: option.value }));
    }
    values.add(option.value);
  });
  if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
    errors.push(validationError(`${pointer}/min`, 'minAboveMax', { min: question.min, max: question.max }));
  }
  return errors;
}

/**
 * `earlier` holds the questions a condition may read (those before it), so a condition can never depend on itself
 * or on a later answer: there are no cycles by construction. Outcome rules read any question (`undefined`).
 */
function checkCondition(
  condition: Condition,
  pointer: string,
  all: ReadonlyMap<string, Located>,
  earlier: ReadonlySet<string> | undefined,
): ValidationError[] {
  if ('all' in condition)
    return condition.all.flatMap((c, i) => checkCondition(c, `${pointer}/all/${i}`, all, earlier));
  if ('any' in condition)
    return condition.any.flatMap((c, i) => checkCondition(c, `${pointer}/any/${i}`, all, earlier));
  if ('not' in condition) return checkCondition(condition.not, `${pointer}/not`, all, earlier);

  const target = all.get(condition.question)?.question;
  if (!target)
    return [validationError(`${pointer}/question`, 'conditionUnknownQuestion', { question: condition.question })];
  if (earlier && !earlier.has(condition.question)) {
    return [validationError(`${pointer}/question`, 'conditionNotEarlier', { question: condition.question })];
  }
  const wrongType = (operator: string) =>
    validationError(pointer, 'conditionWrongType', { operator, question: target.id, type: target.type });
  if ('includes' in condition && target.type !== 'multipleChoice') return [wrongType('includes')];
  if (('atLeast' in condition || 'atMost' in condition) && target.type !== 'number') {
    return [wrongType('atLeast' in condition ? 'atLeast' : 'atMost')];
  }
  if (('equals' in condition || 'in' in condition) && target.type === 'multipleChoice') {
    return [wrongType('equals' in condition ? 'equals' : 'in')];
  }
  const allowed = allowedValues(target);
  if (!allowed) return [];
  const compared =
    'equals' in condition
      ? [condition.equals]
      : 'in' in condition
        ? condition.in
        : 'includes' in condition
          ? [condition.includes]
          : [];
  return compared
    .filter((value) => !allowed.includes(String(value)))
    .map((value) => validationError(pointer, 'conditionUnknownOption', { question: target.id, value: String(value) }));
}

/** The schema demands every language; this catches the ones filled with blanks only. */
function checkTranslations(node: unknown, pointer: string): ValidationError[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => checkTranslations(item, `${pointer}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if (typeof record.en === 'string' && typeof record.fr === 'string' && typeof record.de === 'string') {
    return (['en', 'fr', 'de'] as const)
      .filter((language) => (record[language] as string).trim() === '')
      .map((language) => validationError(`${pointer}/${language}`, 'blankTranslation', { language }));
  }
  return Object.entries(record).flatMap(([key, value]) =>
    checkTranslations(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}
