import type { Question } from '../../engine/types';
import { conformityRenderer } from './ConformityInput';
import { dateRenderer } from './DateInput';
import { multipleChoiceRenderer } from './MultipleChoiceInput';
import { numberRenderer } from './NumberInput';
import { singleChoiceRenderer } from './SingleChoiceInput';
import { textRenderer } from './TextInput';
import type { QuestionRenderer } from './types';
import { unknownRenderer } from './UnknownInput';

export const RENDERERS: readonly QuestionRenderer[] = [
  conformityRenderer,
  singleChoiceRenderer,
  multipleChoiceRenderer,
  textRenderer,
  numberRenderer,
  dateRenderer,
  unknownRenderer,
];

export function rendererFor(question: Question, renderers: readonly QuestionRenderer[] = RENDERERS): QuestionRenderer {
  let best = unknownRenderer;
  let bestRank = -Infinity;
  for (const renderer of renderers) {
    const rank = renderer.rank(question);
    if (rank > bestRank) {
      best = renderer;
      bestRank = rank;
    }
  }
  return best;
}
