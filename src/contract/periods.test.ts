import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthPeriod, quarterPeriod } from '../engine/model/period.ts';
import {
  entryMonthOf,
  fromIsoMonth,
  hasEnded,
  inForce,
  isEntryPeriod,
  isPeriod,
  isMonth,
  lastCompletedMonth,
  lastCompletedQuarter,
  monthsBetween,
  parsePeriod,
  periodParts,
  periodsBack,
  relatedPeriods,
  shiftPeriod,
  thisMonth,
  toIsoMonth,
} from './periods.ts';

/** Months of the years 1000 to 9999: the four-digit years DHIS2 ids write. */
const month = fc.integer({ min: 1000 * 12, max: 9999 * 12 + 11 });
const monthId = month.map((m) => monthPeriod(m).id);
const quarterId = month.map((m) => quarterPeriod(m).id);
const yearId = fc.integer({ min: 1000, max: 9999 }).map(String);
const periodId = fc.oneof(monthId, quarterId, yearId);
/** Stepping past the year 9999 (or before 1000) leaves the four-digit ids: no DHIS2 period. */
const inRange = (id: string) => parsePeriod(id) !== undefined;

describe('periods the screens offer, built on the engine’s', () => {
  it('takes the month and the quarter that have ended', () => {
    expect(lastCompletedMonth(new Date(2025, 0, 15))).toBe('202412');
    expect(lastCompletedMonth(new Date(2025, 4, 1))).toBe('202504');
    expect(lastCompletedQuarter(new Date(2025, 3, 2))).toBe('2025Q1');
    expect(lastCompletedQuarter(new Date(2025, 4, 20))).toBe('2025Q1');
    expect(lastCompletedQuarter(new Date(2025, 0, 20))).toBe('2024Q4');
    expect(thisMonth(new Date(2025, 0, 20))).toBe('202501');
    expect(hasEnded('2025Q1', new Date(2025, 3, 1))).toBe(true);
    expect(hasEnded('2025Q2', new Date(2025, 4, 20))).toBe(false);
    expect(hasEnded('202504', new Date(2025, 4, 1))).toBe(true);
  });

  it('knows months, entry periods, their entry month and the version in force', () => {
    expect([isEntryPeriod('202403'), isEntryPeriod('2024Q1'), isEntryPeriod('2024'), isEntryPeriod('202413'), isEntryPeriod('x'), isEntryPeriod(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([isMonth('202403'), isMonth('2024Q1'), isMonth(undefined)]).toEqual([true, false, false]);
    // A funder share starts or ends on any of them, a year included.
    expect(['202412', '2024Q4', '2024', '24', '2024-01', '2024Q5', ''].map((id) => isPeriod(id))).toEqual([true, true, true, false, false, false, false]);
    expect(entryMonthOf('2024Q3')).toBe('202409');
    expect(entryMonthOf('202402')).toBe('202402');
    expect(inForce('2024Q3', '202407')).toBe(true);
    expect(inForce('2024', '202312')).toBe(false);
    expect(inForce('202408', '2024Q3')).toBe(false);
  });

  it('steps by months, quarters or years, lists periods back and ranges of months', () => {
    expect(shiftPeriod('202412', 1)).toBe('202501');
    expect(shiftPeriod('202401', -1)).toBe('202312');
    expect(shiftPeriod('2024Q1', -1)).toBe('2023Q4');
    expect(shiftPeriod('2024', 2)).toBe('2026');
    expect(shiftPeriod('nonsense', 1)).toBe('nonsense');
    expect(periodsBack('202502', 3)).toEqual(['202502', '202501', '202412']);
    expect(periodsBack('2025Q1', 3)).toEqual(['2025Q1', '2024Q4', '2024Q3']);
    expect(monthsBetween('202311', '202402')).toEqual(['202311', '202312', '202401', '202402']);
    expect(monthsBetween('202402', '202311')).toEqual([]);
    expect(relatedPeriods('202408')).toEqual(['2024Q3']);
    expect(relatedPeriods('2024Q3')).toEqual(['202407', '202408', '202409']);
    expect(relatedPeriods('2024')).toEqual([]);
  });

  it('converts months to and from month inputs, refusing what is no month', () => {
    expect(toIsoMonth('202403')).toBe('2024-03');
    expect(toIsoMonth('2024Q1')).toBe('');
    expect(fromIsoMonth('2024-03')).toBe('202403');
    expect([fromIsoMonth('2024-13'), fromIsoMonth('202403'), fromIsoMonth(''), fromIsoMonth('2024-3')]).toEqual([undefined, undefined, undefined, undefined]);
    expect(periodParts('202403')).toEqual({ type: 'month', year: 2024, month: 3 });
    expect(periodParts('2024Q4')).toEqual({ type: 'quarter', year: 2024, quarter: 4 });
    expect(periodParts('2024')).toEqual({ type: 'year', year: 2024 });
    expect(periodParts('2024Q5')).toBeUndefined();
  });

  it('steps back to where it started, keeping the kind of period', () => {
    fc.assert(
      fc.property(periodId, fc.integer({ min: -240, max: 240 }), (id, by) => {
        const there = shiftPeriod(id, by);
        fc.pre(inRange(there));
        expect(parsePeriod(there)?.type).toBe(parsePeriod(id)!.type);
        expect(shiftPeriod(there, -by)).toBe(id);
        if (by > 0) expect(parsePeriod(there)!.firstMonth).toBeGreaterThan(parsePeriod(id)!.firstMonth);
      }),
    );
  });

  it('names every period by parts that write its id back', () => {
    fc.assert(
      fc.property(periodId, (id) => {
        const parts = periodParts(id)!;
        const written = parts.type === 'month' ? `${parts.year}${String(parts.month).padStart(2, '0')}` : parts.type === 'quarter' ? `${parts.year}Q${parts.quarter}` : `${parts.year}`;
        expect(written).toBe(id);
      }),
    );
  });

  it('round-trips months through month inputs, and relates each month to its quarter', () => {
    fc.assert(
      fc.property(monthId, (id) => {
        expect(fromIsoMonth(toIsoMonth(id))).toBe(id);
        const [quarter] = relatedPeriods(id);
        expect(relatedPeriods(quarter!)).toContain(id);
        expect(monthsBetween(id, id)).toEqual([id]);
      }),
    );
  });

  it('lists as many months as lie between two, each the next of the one before', () => {
    fc.assert(
      fc.property(monthId, fc.integer({ min: 0, max: 60 }), (from, span) => {
        const to = shiftPeriod(from, span);
        fc.pre(inRange(to));
        const months = monthsBetween(from, to);
        expect(months).toHaveLength(span + 1);
        months.slice(1).forEach((m, i) => expect(m).toBe(shiftPeriod(months[i]!, 1)));
      }),
    );
  });
});
