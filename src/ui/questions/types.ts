import type { ComponentType } from 'react';
import type { Answer, AnswerValue, Language, Question } from '../../engine/types';

export interface SaveOptions {
  /** false while typing: the change is batched and flushed on blur. */
  immediate?: boolean;
}

export interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  language: Language;
  /** Unique prefix for element ids within the page. */
  idPrefix: string;
  /** Id of the element that holds the question text: every input is labelled by it. */
  labelledBy: string;
  onChange: (value: AnswerValue | null, options?: SaveOptions) => void;
  onCommit: () => void;
}

/** Highest rank wins (JSON Forms style); a renderer that does not fit returns -1. */
export interface QuestionRenderer {
  name: string;
  rank: (question: Question) => number;
  Component: ComponentType<QuestionInputProps>;
}
