import { LOCALE_TAGS, localize } from './localize';
import type { AnswerValue, Language, Question } from './types';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/**
 * One formatter per locale and options, made once: constructing an Intl formatter costs far more than formatting
 * (the section list formats a percentage per section on every section switch).
 */
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n ${locale} ${JSON.stringify(options)}`;
  const made = formatters.get(key) ?? new Intl.NumberFormat(locale, options);
  formatters.set(key, made);
  return made as Intl.NumberFormat;
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale} ${JSON.stringify(options)}`;
  const made = formatters.get(key) ?? new Intl.DateTimeFormat(locale, options);
  formatters.set(key, made);
  return made as Intl.DateTimeFormat;
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'long' }).format(date);
}

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A title as the part of a file name that says what the file is: accents dropped, anything but letters and digits
 * one hyphen, lower case, at most 60 characters; "assessment" when nothing is left. Report and backup names alike.
 */
export function slug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'assessment'
  );
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(LOCALE_TAGS[language]).format(value);
}

export function formatPercent(ratio: number, language: Language): string {
  return numberFormat(LOCALE_TAGS[language], { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size in decimal units (1 MB = 1,000,000 bytes), with the unit as Intl writes it in the reader's language:
 * "1.2 MB", "1,2 Mo", "1,2 MB"; "512 octets" in French. The one byte formatter of the app and the report.
 * `exact` writes every byte ("48,213 bytes"), for the report, where a reader may check a file against it.
 */
export function formatBytes(bytes: number, language: Language, { exact = false } = {}): string {
  const locale = LOCALE_TAGS[language];
  const size = Number.isFinite(bytes) ? Math.max(0, bytes) : 0;
  if (size < 1000 || exact) {
    return numberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(Math.round(size));
  }
  let exponent = Math.min(Math.floor(Math.log10(size) / 3), BYTE_UNITS.length - 1);
  let value = size / 1000 ** exponent;
  const digits = (v: number) => (v < 9.95 ? 1 : 0);
  // 999,960 bytes would round to "1,000 kB": say "1 MB".
  if (exponent < BYTE_UNITS.length - 1 && Number(value.toFixed(digits(value))) >= 1000) {
    exponent += 1;
    value /= 1000;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[exponent],
    unitDisplay: 'short',
    maximumFractionDigits: digits(value),
  }).format(value);
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
