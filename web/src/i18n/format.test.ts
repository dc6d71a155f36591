import { describe, expect, it } from 'vitest';
import { formatDate, formatDateInput, formatDateTime, formatMonthInput, parseDateInput, parseMonthInput } from './format.ts';

describe('dates for the reader', () => {
  it('writes a day in the language of the screen, never month first', () => {
    expect(formatDate('2026-12-07T10:00:00', 'fr')).toBe('7 déc. 2026');
    expect(formatDate('2026-12-07T10:00:00', 'en')).toBe('7 Dec 2026');
    expect(formatDateTime('2026-12-07T10:05:00', 'en')).toMatch(/^7 Dec 2026, 10:05$/);
    expect(formatDateInput('2026-12-07')).toBe('07/12/2026');
  });

  it('reads a typed day day-first, or as an ISO day, and refuses days the calendar has not', () => {
    expect(parseDateInput('07/12/2026')).toBe('2026-12-07');
    expect(parseDateInput(' 7/12/2026 ')).toBe('2026-12-07');
    expect(parseDateInput('7.12.2026')).toBe('2026-12-07');
    expect(parseDateInput('2026-12-07')).toBe('2026-12-07');
    expect(parseDateInput('31/02/2026')).toBeUndefined();
    expect(parseDateInput('12/31/2026')).toBeUndefined();
    expect(parseDateInput('demain')).toBeUndefined();
    expect(parseDateInput('')).toBeUndefined();
  });

  it('reads a typed month month-then-year, or as an ISO month', () => {
    expect(formatMonthInput('2024-07')).toBe('07/2024');
    expect(parseMonthInput('07/2024')).toBe('2024-07');
    expect(parseMonthInput('7/2024')).toBe('2024-07');
    expect(parseMonthInput('2024-07')).toBe('2024-07');
    expect(parseMonthInput('13/2024')).toBeUndefined();
    expect(parseMonthInput('July')).toBeUndefined();
  });
});
