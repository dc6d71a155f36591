import { describe, expect, it } from 'vitest';
import { isInvoicePeriod, isSharePeriod, isoToday, previousMonth } from './periods.ts';

describe('periods of the money screens', () => {
  it('accepts months and quarters for runs and orders, and years for shares too', () => {
    expect(['202401', '202412', '2024Q1', '2024Q4'].every(isInvoicePeriod)).toBe(true);
    expect(['202413', '202400', '2024Q5', '2024', '2024-01', ''].some(isInvoicePeriod)).toBe(false);
    expect(isSharePeriod('2024')).toBe(true);
    expect(isSharePeriod('24')).toBe(false);
  });

  it('defaults to the previous month, across a new year, and to today', () => {
    expect(previousMonth(new Date(2025, 0, 15))).toBe('202412');
    expect(previousMonth(new Date(2025, 6, 1))).toBe('202506');
    expect(isoToday(new Date(2025, 2, 9))).toBe('2025-03-09');
  });
});
