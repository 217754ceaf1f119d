import type { Visibility } from './progress';
import type { Condition, Question, Section } from './types';

/** Questions next to each other that one condition hides: on screen they get one note where they would be. */
export interface HiddenRun {
  questions: Question[];
  condition: Condition;
}

const sameCondition = (a: Condition, b: Condition) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The hidden questions of a shown section, grouped into runs of neighbours with the same condition, by the id of
 * the run's first question. Numbering never shifts (see numbering.ts), so each run is a visible gap to explain.
 */
export function hiddenRuns(section: Section, visibility: Visibility): ReadonlyMap<string, HiddenRun> {
  // A screen asks on every render; visibility objects are kept while no condition input changes, so is the answer.
  let bySection = cache.get(visibility);
  if (!bySection) {
    bySection = new WeakMap();
    cache.set(visibility, bySection);
  }
  let runs = bySection.get(section);
  if (!runs) {
    runs = computeRuns(section, visibility);
    bySection.set(section, runs);
  }
  return runs;
}

const cache = new WeakMap<Visibility, WeakMap<Section, ReadonlyMap<string, HiddenRun>>>();

function computeRuns(section: Section, visibility: Visibility): Map<string, HiddenRun> {
  const runs = new Map<string, HiddenRun>();
  let current: HiddenRun | undefined;
  for (const question of section.questions) {
    const condition = question.visibleIf;
    if (visibility.questions.has(question.id) || !condition) {
      current = undefined;
      continue;
    }
    if (current && sameCondition(current.condition, condition)) {
      current.questions.push(question);
      continue;
    }
    current = { questions: [question], condition };
    runs.set(question.id, current);
  }
  return runs;
}
