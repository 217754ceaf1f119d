import { LOCALE_TAGS } from '../../engine/localize';
import type { Language } from '../../engine/types';

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
