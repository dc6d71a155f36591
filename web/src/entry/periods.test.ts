import { describe, expect, it } from 'vitest';
import { entryMonthOf, hasEnded, inForce, isEntryPeriod, lastCompletedMonth, lastCompletedQuarter, monthsBack, quartersBack } from './periods.ts';

describe('entry periods', () => {
  it('takes the month and the quarter that have ended', () => {
    expect(lastCompletedMonth(new Date(2025, 0, 15))).toBe('202412');
    expect(lastCompletedMonth(new Date(2025, 4, 1))).toBe('202504');
    expect(lastCompletedQuarter(new Date(2025, 3, 2))).toBe('2025Q1');
    expect(lastCompletedQuarter(new Date(2025, 4, 20))).toBe('2025Q1');
    expect(lastCompletedQuarter(new Date(2025, 0, 20))).toBe('2024Q4');
    expect(hasEnded('2025Q1', new Date(2025, 3, 1))).toBe(true);
    expect(hasEnded('2025Q2', new Date(2025, 4, 20))).toBe(false);
    expect(hasEnded('202504', new Date(2025, 4, 1))).toBe(true);
  });

  it('lists periods back in time, newest first', () => {
    expect(monthsBack('202502', 3)).toEqual(['202502', '202501', '202412']);
    expect(quartersBack('2025Q1', 3)).toEqual(['2025Q1', '2024Q4', '2024Q3']);
  });

  it('knows entry periods, their entry month and the version in force', () => {
    expect([isEntryPeriod('202403'), isEntryPeriod('2024Q1'), isEntryPeriod('2024'), isEntryPeriod('x'), isEntryPeriod(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(entryMonthOf('2024Q3')).toBe('202409');
    expect(entryMonthOf('202402')).toBe('202402');
    expect(inForce('2024Q3', '202407')).toBe(true);
    expect(inForce('2024', '202312')).toBe(false);
    expect(inForce('202408', '2024Q3')).toBe(false);
  });
});
