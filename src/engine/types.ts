/** The languages of the interface and of every questionnaire string. */
export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export type LocalizedText = Record<Language, string>;

export interface Reference {
  source: string;
  ref: string;
}

export interface Crosswalk {
  framework: string;
  id: string;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { question: string; equals: string | number }
  | { question: string; in: string[] }
  | { question: string; includes: string }
  | { question: string; answered: boolean }
  | { question: string; atLeast: number }
  | { question: string; atMost: number };

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
  exclusive?: boolean;
}

export const QUESTION_TYPES = [
  'conformity',
  'singleChoice',
  'multipleChoice',
  'shortText',
  'longText',
  'number',
  'date',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Question {
  id: string;
  type: QuestionType;
  text: LocalizedText;
  help?: LocalizedText;
  references: Reference[];
  evidence?: LocalizedText;
  required?: boolean;
  visibleIf?: Condition;
  weight?: number;
  crosswalk?: Crosswalk[];
  options?: ChoiceOption[];
  unit?: LocalizedText;
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
}

export interface Section {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  visibleIf?: Condition;
  questions: Question[];
}

export const OUTCOME_CATEGORIES = [
  'notInScope',
  'prohibited',
  'highRisk',
  'transparency',
  'gpai',
  'gpaiSystemicRisk',
  'minimalRisk',
  'obligation',
] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];

export interface ApplicationDate {
  date: string;
  what: LocalizedText;
  source: Reference;
  note?: LocalizedText;
  amendedBy?: Reference;
}

export interface Outcome {
  id: string;
  category: OutcomeCategory;
  title: LocalizedText;
  description: LocalizedText;
  when?: Condition;
  otherwise?: OutcomeCategory[];
  detailFrom?: string;
  references?: Reference[];
  applies?: ApplicationDate[];
  recommends?: string[];
}

export interface Questionnaire {
  id: string;
  version: string;
  title: LocalizedText;
  description: LocalizedText;
  reviewed?: string;
  sections: Section[];
  outcomes?: Outcome[];
}

export const CONFORMITY_VALUES = ['conform', 'partial', 'nonConform', 'notApplicable'] as const;
export type ConformityValue = (typeof CONFORMITY_VALUES)[number];

/** What a user gave for one question. Hidden questions keep theirs. */
export type AnswerValue = string | number | string[];

export interface Answer {
  questionId: string;
  value?: AnswerValue;
  /** Required when a conformity question is answered "not applicable". */
  justification?: string;
  comment?: string;
  updated: string;
  /** Copied from an earlier assessment and not yet confirmed. */
  carriedOver?: boolean;
}

export type AnswerMap = ReadonlyMap<string, Answer>;

/** Who finalised an assessment, and the hash of its content at that moment. */
export interface SignOff {
  name: string;
  role: string;
  date: string;
  statement: string;
  /** SHA-256 of the canonical JSON of the assessment and its answers when signed. */
  contentHash: string;
  signedAt: string;
  /** Made with the validator's key on the signing device (absent from sign-offs made before keys existed). */
  signature?: SignOffSignature;
}

/** An ECDSA P-256 signature of the sign-off (src/engine/sign-off-signature.ts), with the public key to check it. */
export interface SignOffSignature {
  algorithm: 'ECDSA-P256-SHA256';
  /** The public key, SPKI, base64. */
  publicKey: string;
  /** The signature (IEEE P1363, 64 bytes), base64. */
  value: string;
}
