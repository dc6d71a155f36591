import { describe, expect, it } from 'vitest';
import { fromInputMonth, monthsBetween, shiftMonth, toInputMonth } from './months.ts';

describe('dashboard months', () => {
  it('converts between API months and month inputs', () => {
    expect(toInputMonth('202403')).toBe('2024-03');
    expect(fromInputMonth('2024-03')).toBe('202403');
  });

  it('shifts across years and lists a range', () => {
    expect(shiftMonth('202412', -11)).toBe('202401');
    expect(shiftMonth('202411', 3)).toBe('202502');
    expect(monthsBetween('202311', '202402')).toEqual(['202311', '202312', '202401', '202402']);
  });
});
