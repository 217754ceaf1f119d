import { describe, expect, it } from 'vitest';
import { formatDateField, parseDateField, todayIso } from '../../src/engine/dates';

describe('dates typed in the interface language', () => {
  it('writes an ISO date day first, with the language’s separator', () => {
    expect(formatDateField('2026-03-12', 'en')).toBe('12/03/2026');
    expect(formatDateField('2026-03-12', 'fr')).toBe('12/03/2026');
    expect(formatDateField('2026-03-12', 'de')).toBe('12.03.2026');
    expect(formatDateField('', 'de')).toBe('');
  });

  it('reads day-first dates with any usual separator, and pasted ISO dates', () => {
    expect(parseDateField('12/03/2026')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDateField(' 1.3.2026 ')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateField('12-03-2026')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDateField('12. 03. 2026')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDateField('2026-03-12')).toEqual({ ok: true, value: '2026-03-12' });
    expect(parseDateField('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDateField('')).toEqual({ ok: true, value: null });
  });

  it('refuses what it would have to guess, and days that do not exist', () => {
    for (const text of ['12/03/26', '2026/03/12', 'March 12, 2026', '12032026', '12/03/2026 10:00']) {
      expect(parseDateField(text), text).toEqual({ ok: false, reason: 'format' });
    }
    for (const text of ['31/02/2026', '29/02/2027', '00/01/2026', '12/13/2026', '2026-02-30', '01/01/0999']) {
      expect(parseDateField(text), text).toEqual({ ok: false, reason: 'noSuchDay' });
    }
  });

  it('takes today in the device’s time zone, not in UTC', () => {
    expect(todayIso(new Date(2026, 2, 12, 0, 30))).toBe('2026-03-12');
    expect(todayIso(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
