import { justificationMissing } from './answers';
import { evaluateCondition, hasValue, questionsInCondition } from './conditions';
import type { Answer, AnswerMap, ConformityValue, Question, Questionnaire, Section } from './types';

/** Which sections and questions a user sees, given the answers. Conditions read only visible answers. */
export interface Visibility {
  sections: ReadonlySet<string>;
  questions: ReadonlySet<string>;
}

export function computeVisibility(questionnaire: Questionnaire, answers: AnswerMap): Visibility {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const lookup = (id: string) => (questions.has(id) ? answers.get(id)?.value : undefined);
  for (const section of questionnaire.sections) {
    if (section.visibleIf && !evaluateCondition(section.visibleIf, lookup)) continue;
    sections.add(section.id);
    for (const question of section.questions) {
      if (!question.visibleIf || evaluateCondition(question.visibleIf, lookup)) questions.add(question.id);
    }
  }
  return { sections, questions };
}

export function isRequired(question: Question): boolean {
  return question.required !== false;
}

/** Answered, and a "not applicable" carries its justification. */
export function isComplete(question: Question, answer: Answer | undefined): boolean {
  return answer !== undefined && hasValue(answer.value) && !justificationMissing(question, answer);
}

export interface Progress {
  /** Visible questions. */
  total: number;
  /** Visible questions that are complete. */
  answered: number;
  /** Visible required questions still incomplete. */
  requiredMissing: number;
}

export function sectionProgress(section: Section, answers: AnswerMap, visibility: Visibility): Progress {
  const progress: Progress = { total: 0, answered: 0, requiredMissing: 0 };
  if (!visibility.sections.has(section.id)) return progress;
  for (const question of section.questions) {
    if (!visibility.questions.has(question.id)) continue;
    progress.total += 1;
    if (isComplete(question, answers.get(question.id))) progress.answered += 1;
    else if (isRequired(question)) progress.requiredMissing += 1;
  }
  return progress;
}

export function overallProgress(questionnaire: Questionnaire, answers: AnswerMap, visibility: Visibility): Progress {
  const sum: Progress = { total: 0, answered: 0, requiredMissing: 0 };
  for (const section of questionnaire.sections) {
    const p = sectionProgress(section, answers, visibility);
    sum.total += p.total;
    sum.answered += p.answered;
    sum.requiredMissing += p.requiredMissing;
  }
  return sum;
}

/** 0 when nothing is visible, so an empty section never reads as done. */
export function ratio(progress: Pick<Progress, 'answered' | 'total'>): number {
  return progress.total === 0 ? 0 : progress.answered / progress.total;
}

const CONFORMITY_SCORE: Record<Exclude<ConformityValue, 'notApplicable'>, number> = {
  conform: 1,
  partial: 0.5,
  nonConform: 0,
};

export interface Conformity {
  /** Weighted score between 0 and 1, or null when no visible conformity question is answered (N/A excluded). */
  score: number | null;
  /** Number of conformity answers that count towards the score. */
  counted: number;
}

function scoreOf(question: Question, answer: Answer | undefined): number | undefined {
  if (question.type !== 'conformity' || typeof answer?.value !== 'string') return undefined;
  return CONFORMITY_SCORE[answer.value as keyof typeof CONFORMITY_SCORE];
}

function conformityOf(questions: Iterable<Question>, answers: AnswerMap, visibility: Visibility): Conformity {
  let weighted = 0;
  let weights = 0;
  let counted = 0;
  for (const question of questions) {
    if (!visibility.questions.has(question.id)) continue;
    const score = scoreOf(question, answers.get(question.id));
    if (score === undefined) continue;
    const weight = question.weight ?? 1;
    weighted += score * weight;
    weights += weight;
    counted += 1;
  }
  return { score: weights === 0 ? null : weighted / weights, counted };
}

export function sectionConformity(section: Section, answers: AnswerMap, visibility: Visibility): Conformity {
  if (!visibility.sections.has(section.id)) return { score: null, counted: 0 };
  return conformityOf(section.questions, answers, visibility);
}

export function overallConformity(questionnaire: Questionnaire, answers: AnswerMap, visibility: Visibility) {
  return conformityOf(
    questionnaire.sections.flatMap((s) => s.questions),
    answers,
    visibility,
  );
}

export interface Gap {
  section: Section;
  question: Question;
  answer: Answer;
  value: 'nonConform' | 'partial';
}

/** Not conform and partially conform answers of visible questions, in questionnaire order. */
export function listGaps(questionnaire: Questionnaire, answers: AnswerMap, visibility: Visibility): Gap[] {
  const gaps: Gap[] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answer = answers.get(question.id);
      if (question.type !== 'conformity' || !answer || !visibility.questions.has(question.id)) continue;
      if (answer.value === 'nonConform' || answer.value === 'partial') {
        gaps.push({ section, question, answer, value: answer.value });
      }
    }
  }
  return gaps;
}

const inputsOf = new WeakMap<Questionnaire, readonly string[]>();

/** The questions some condition reads: only a change of one of these can change what is visible. */
export function conditionInputs(questionnaire: Questionnaire): readonly string[] {
  let inputs = inputsOf.get(questionnaire);
  if (!inputs) {
    const ids = new Set<string>();
    for (const section of questionnaire.sections) {
      if (section.visibleIf) for (const id of questionsInCondition(section.visibleIf)) ids.add(id);
      for (const question of section.questions) {
        if (question.visibleIf) for (const id of questionsInCondition(question.visibleIf)) ids.add(id);
      }
    }
    inputs = [...ids];
    inputsOf.set(questionnaire, inputs);
  }
  return inputs;
}
