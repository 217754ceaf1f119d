import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { describeCondition } from '../../engine/describe-condition';
import type { HiddenRun } from '../../engine/hidden-questions';
import { localize } from '../../engine/localize';
import { questionNumbers } from '../../engine/numbering';
import type { Language, Question, Questionnaire } from '../../engine/types';

const SHORT = 60;

/** A question's text cut at a word for a parenthesis: "Is the system used to …?" keeps the sentence's end mark. */
function shorten(text: string): string {
  if (text.length <= SHORT) return text;
  const cut = text.slice(0, SHORT);
  const end = /[?？]\s*$/.test(text) ? '?' : '';
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : SHORT).trimEnd()} …${end}`;
}

interface Index {
  questions: ReadonlyMap<string, Question>;
  numbers: ReadonlyMap<string, string>;
}

// Built once per questionnaire, not on every render of a section: questionnaires run to thousands of questions.
const indexes = new WeakMap<Questionnaire, Index>();
function indexOf(questionnaire: Questionnaire): Index {
  let index = indexes.get(questionnaire);
  if (!index) {
    const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
    index = { questions, numbers: questionNumbers(questionnaire) };
    indexes.set(questionnaire, index);
  }
  return index;
}

interface HiddenQuestionsNoteProps {
  run: HiddenRun;
  questionnaire: Questionnaire;
  language: Language;
}

/**
 * Where questions hidden by their condition would be, says which answer hides them: numbering keeps their place, so
 * without this a section seems to start at 4.2 for no reason.
 */
function HiddenQuestionsNoteView({ run, questionnaire, language }: HiddenQuestionsNoteProps) {
  const { t } = useTranslation();
  const { questions, numbers } = indexOf(questionnaire);
  const number = (q: Question | undefined) => (q ? (numbers.get(q.id) ?? q.id) : '');
  const condition = describeCondition(run.condition, {
    questions,
    language,
    t: (key, values) => t(key, values),
    quote: (text) => t('condition.quote', { text }),
    name: (id) => {
      const source = questions.get(id);
      const text = source ? t('condition.quote', { text: shorten(localize(source.text, language)) }) : '';
      return text ? `${numbers.get(id) ?? id} (${text})` : (numbers.get(id) ?? id);
    },
  });
  const first = run.questions[0];
  const last = run.questions.at(-1);
  return (
    <p className="hidden-note">
      {run.questions.length === 1
        ? t('hidden.one', { number: number(first), condition })
        : t('hidden.range', { first: number(first), last: number(last), condition })}
    </p>
  );
}

/**
 * The same run (condition and questions) says the same thing: a click elsewhere in the section, which hands every
 * note a new run object, must not describe forty conditions again (a few milliseconds a click at 5,000 questions).
 */
export const HiddenQuestionsNote = memo(
  HiddenQuestionsNoteView,
  (before, after) =>
    before.questionnaire === after.questionnaire &&
    before.language === after.language &&
    before.run.condition === after.run.condition &&
    before.run.questions.length === after.run.questions.length &&
    before.run.questions.every((question, i) => question === after.run.questions[i]),
);
