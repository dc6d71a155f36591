import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../engine/index.ts';
import { AppError } from '../errors.ts';
import { dataPeriods, invoicePeriod, packagePeriods, periodEnd } from './periods.ts';

describe('invoice periods', () => {
  it('accepts months and quarters and refuses anything else, naming the field', () => {
    expect(invoicePeriod('202401').type).toBe('month');
    expect(invoicePeriod('2024Q2').type).toBe('quarter');
    for (const bad of ['2024', '202413', 'Q1', '']) {
      expect(() => invoicePeriod(bad)).toThrow(AppError);
      expect(() => invoicePeriod(bad)).toThrow(/^period: /);
    }
  });

  it('ends a period on its last day', () => {
    expect(periodEnd(parsePeriod('202402')!)).toBe('2024-02-29');
    expect(periodEnd(parsePeriod('202312')!)).toBe('2023-12-31');
    expect(periodEnd(parsePeriod('2024Q1')!)).toBe('2024-03-31');
    expect(periodEnd(parsePeriod('2024Q4')!)).toBe('2024-12-31');
  });

  it('reads the months of a period, and the quarter of a quarter', () => {
    expect(dataPeriods(parsePeriod('202401')!)).toEqual(['202401']);
    expect(dataPeriods(parsePeriod('2024Q1')!)).toEqual(['202401', '202402', '202403', '2024Q1']);
  });

  it('gates a quarterly payment on every month of its monthly packages and on its quarterly packages', () => {
    const program = {
      packages: [
        { code: 'quantity', frequency: 'monthly' },
        { code: 'quality', frequency: 'quarterly' },
      ],
      payments: [{ code: 'quarter', frequency: 'quarterly', packages: ['quantity', 'quality'] }],
    } as never;
    expect(packagePeriods(program, 'quarter', parsePeriod('2024Q1')!)).toEqual([
      { package: 'quantity', period: '202401' },
      { package: 'quantity', period: '202402' },
      { package: 'quantity', period: '202403' },
      { package: 'quality', period: '2024Q1' },
    ]);
  });
});
