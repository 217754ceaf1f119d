import { describe, expect, it } from 'vitest';
import { formatBytes, slug } from '../../src/engine/format';

/** Intl writes no-break spaces (U+00A0, U+202F) in sizes: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatBytes', () => {
  it('writes sizes with decimal units in the reader’s language', () => {
    expect(plain(formatBytes(1_234_567, 'en'))).toBe('1.2 MB');
    expect(plain(formatBytes(1_234_567, 'fr'))).toBe('1,2 Mo');
    expect(plain(formatBytes(1_234_567, 'de'))).toBe('1,2 MB');
    expect(plain(formatBytes(2_000_000_000, 'en'))).toBe('2 GB');
    expect(plain(formatBytes(2_000_000_000, 'fr'))).toBe('2 Go');
    expect(plain(formatBytes(56_700_000_000, 'de'))).toBe('57 GB');
    expect(plain(formatBytes(12_345, 'en'))).toBe('12 kB');
    expect(plain(formatBytes(12_345, 'fr'))).toBe('12 ko');
    expect(plain(formatBytes(3_500_000_000_000, 'fr'))).toBe('3,5 To');
  });

  it('writes small sizes in bytes, and never a negative or non-numeric size', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(plain(formatBytes(512, 'fr'))).toBe('512 octets');
    expect(plain(formatBytes(999, 'de'))).toBe('999 Byte');
    expect(formatBytes(-5, 'en')).toBe('0 bytes');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 bytes');
  });

  it('moves to the next unit rather than print "1,000 kB"', () => {
    expect(plain(formatBytes(999_960, 'en'))).toBe('1 MB');
    expect(plain(formatBytes(999_400, 'en'))).toBe('999 kB');
    expect(plain(formatBytes(9_960, 'en'))).toBe('10 kB');
    expect(plain(formatBytes(9_940, 'en'))).toBe('9.9 kB');
  });

  it('writes every byte when asked to be exact, with the unit in words', () => {
    expect(formatBytes(48_213, 'en', { exact: true })).toBe('48,213 bytes');
    expect(plain(formatBytes(48_213, 'fr', { exact: true }))).toBe('48 213 octets');
    expect(plain(formatBytes(48_213, 'de', { exact: true }))).toBe('48.213 Byte');
    expect(formatBytes(1, 'en', { exact: true })).toBe('1 byte');
  });
});

describe('slug', () => {
  it('makes a title a file name part: accents dropped, other characters one hyphen, lower case, 60 at most', () => {
    expect(slug('Chatbot « Léa » 2026')).toBe('chatbot-lea-2026');
    expect(slug('  Prüfung: KI-System / Übersicht  ')).toBe('prufung-ki-system-ubersicht');
    expect(slug('x'.repeat(80))).toHaveLength(60);
  });

  it('says "assessment" when nothing of the title is left', () => {
    expect(slug('')).toBe('assessment');
    expect(slug('« — »')).toBe('assessment');
  });
});
