import type { Language } from './types';

/**
 * Dates typed in the interface language, stored as ISO yyyy-mm-dd. A native date input follows the browser's locale,
 * not the language chosen in Conformo, so dates are text fields written and read here.
 */

/** Day, month, year in every language we support; what separates them differs. */
const SEPARATORS: Record<Language, string> = { en: '/', fr: '/', de: '.' };

export type DateCheck = { ok: true; value: string | null } | { ok: false; reason: 'format' | 'noSuchDay' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$/;

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-03-12" as the language writes it: "12/03/2026", "12.03.2026"; anything else is returned as it is. */
export function formatDateField(iso: string, language: Language): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const separator = SEPARATORS[language];
  return `${day}${separator}${month}${separator}${year}`;
}

/**
 * Reads a typed date, day first as in all our languages: "12/03/2026", "12.3.2026", "12-03-2026", or ISO
 * "2026-03-12" (pasted). Empty text is no date; a four-digit year is required, so "12/03/26" is not guessed.
 */
export function parseDateField(text: string): DateCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const iso = ISO.exec(trimmed);
  const typed = iso ? undefined : TYPED.exec(trimmed);
  if (!iso && !typed) return { ok: false, reason: 'format' };
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(typed?.[3]), Number(typed?.[2]), Number(typed?.[1])];
  const value = isoOf(year, month, day);
  return value ? { ok: true, value } : { ok: false, reason: 'noSuchDay' };
}

/** Today in the device's time zone, as ISO: a sign-off made at 00:30 is dated today, not yesterday in UTC. */
export function todayIso(now = new Date()): string {
  return isoOf(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? now.toISOString().slice(0, 10);
}
