import type { Question, Questionnaire } from './types';

export interface QuestionnaireDiff {
  added: Question[];
  removed: Question[];
  /** Same id, different wording, type or options: the carried answer deserves a second look. */
  changed: Question[];
}

function meaningOf(question: Question): string {
  const { id: _id, help: _help, evidence: _evidence, ...meaning } = question;
  return JSON.stringify(meaning);
}

/** What moving an assessment from one version of a questionnaire to another changes, by question id. */
export function diffQuestionnaires(from: Questionnaire, to: Questionnaire): QuestionnaireDiff {
  const before = new Map(from.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const after = to.sections.flatMap((s) => s.questions);
  const afterIds = new Set(after.map((q) => q.id));
  return {
    added: after.filter((q) => !before.has(q.id)),
    removed: [...before.values()].filter((q) => !afterIds.has(q.id)),
    changed: after.filter((q) => {
      const old = before.get(q.id);
      return old !== undefined && meaningOf(old) !== meaningOf(q);
    }),
  };
}
