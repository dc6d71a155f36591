import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthPeriod, monthsOf, parsePeriod, quarterPeriod, quartersOf, type Period } from './period.ts';

function period(id: string): Period {
  const parsed = parsePeriod(id);
  if (!parsed) throw new Error(`${id} is not a period`);
  return parsed;
}

const ids = (periods: readonly Period[]) => periods.map((p) => p.id);

describe('parsePeriod', () => {
  it('reads months, quarters and years as ranges of absolute months', () => {
    expect(parsePeriod('202401')).toEqual({ id: '202401', type: 'month', firstMonth: 2024 * 12, lastMonth: 2024 * 12 });
    expect(parsePeriod('202412')).toMatchObject({ type: 'month', firstMonth: 2024 * 12 + 11 });
    expect(parsePeriod('2024Q1')).toEqual({ id: '2024Q1', type: 'quarter', firstMonth: 2024 * 12, lastMonth: 2024 * 12 + 2 });
    expect(parsePeriod('2024Q4')).toMatchObject({ firstMonth: 2024 * 12 + 9, lastMonth: 2024 * 12 + 11 });
    expect(parsePeriod('2024')).toEqual({ id: '2024', type: 'year', firstMonth: 2024 * 12, lastMonth: 2024 * 12 + 11 });
  });

  it('orders periods of different types on one month scale', () => {
    expect(period('202312').lastMonth + 1).toBe(period('2024Q1').firstMonth);
    expect(period('2024Q2').firstMonth).toBe(period('202404').firstMonth);
    expect(period('2024').lastMonth).toBe(period('2024Q4').lastMonth);
  });

  it.each(['', '2024 ', ' 202401', '202400', '202413', '20241', '2024-01', '2024Q0', '2024Q5', '2024q1', '24Q1', '2024W01', '2024S1', 'abcd'])(
    'rejects %j',
    (id) => {
      expect(parsePeriod(id)).toBeUndefined();
    },
  );
});

describe('monthPeriod and quarterPeriod', () => {
  it('give the month and the quarter containing an absolute month', () => {
    expect(monthPeriod(2024 * 12 + 4)).toEqual(period('202405'));
    expect(quarterPeriod(2024 * 12 + 4)).toEqual(period('2024Q2'));
    expect(quarterPeriod(2024 * 12 + 11)).toEqual(period('2024Q4'));
  });

  it('print back the identifiers they were parsed from', () => {
    const year = fc.integer({ min: 1000, max: 9999 });
    fc.assert(
      fc.property(year, fc.integer({ min: 1, max: 12 }), (y, month) => {
        const id = `${y}${String(month).padStart(2, '0')}`;
        expect(monthPeriod(period(id).firstMonth).id).toBe(id);
        expect(quarterPeriod(period(id).firstMonth).id).toBe(`${y}Q${Math.ceil(month / 3)}`);
      }),
    );
  });
});

describe('monthsOf and quartersOf', () => {
  it('list the months a period covers, in order', () => {
    expect(ids(monthsOf(period('202402')))).toEqual(['202402']);
    expect(ids(monthsOf(period('2023Q4')))).toEqual(['202310', '202311', '202312']);
    expect(ids(monthsOf(period('2024')))).toEqual([
      '202401', '202402', '202403', '202404', '202405', '202406',
      '202407', '202408', '202409', '202410', '202411', '202412',
    ]);
    expect(monthsOf(period('2024Q3'))[0]).toEqual(period('202407'));
  });

  it('list the quarters a period covers, none for a month', () => {
    expect(quartersOf(period('202402'))).toEqual([]);
    expect(quartersOf(period('2024Q2'))).toEqual([period('2024Q2')]);
    expect(ids(quartersOf(period('2024')))).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
  });
});
