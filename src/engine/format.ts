import { LOCALE_TAGS, localize } from './localize';
import type { AnswerValue, Language, Question } from './types';

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'long' }).format(date);
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE_TAGS[language]).format(value);
}

export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE_TAGS[language], { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * An answer in words, for the summary screen and the report alike. Choice values become their labels; conformity
 * values go through `conformityLabel` (the caller's translation); user text is returned as it is.
 */
export function describeAnswer(
  question: Question,
  value: AnswerValue | undefined,
  language: Language,
  conformityLabel: (value: string) => string,
): string | undefined {
  if (value === undefined) return undefined;
  const label = (v: string) => localize(question.options?.find((o) => o.value === v)?.label, language) || v;
  switch (question.type) {
    case 'conformity':
      return conformityLabel(String(value));
    case 'singleChoice':
      return label(String(value));
    case 'multipleChoice':
      return (Array.isArray(value) ? value : [String(value)]).map(label).join(', ');
    case 'number':
      return typeof value === 'number'
        ? `${formatNumber(value, language)} ${localize(question.unit, language)}`.trim()
        : String(value);
    case 'date':
      return formatDate(String(value), language);
    default:
      return String(value);
  }
}
