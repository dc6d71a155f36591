import { describe, expect, it } from 'vitest';
import { compareAmounts, editableAmount, isPositiveAmount, sumAmounts } from './amounts.ts';

describe('amounts', () => {
  it('sums decimal strings exactly, negatives included', () => {
    expect(sumAmounts(['38333.00', '38333.00', '38334.00'])).toBe('115000.00');
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['-500.00', '200.5'])).toBe('-299.50');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('compares amounts', () => {
    expect(compareAmounts('10.00', '9.99')).toBe(1);
    expect(compareAmounts('10', '10.00')).toBe(0);
    expect(compareAmounts('-1', '0')).toBe(-1);
  });

  it('checks typed amounts against the currency’s decimals', () => {
    expect(isPositiveAmount('38333', 0)).toBe(true);
    expect(isPositiveAmount('38333.5', 0)).toBe(false);
    expect(isPositiveAmount('12.50', 2)).toBe(true);
    expect(isPositiveAmount('0', 0)).toBe(false);
    expect(isPositiveAmount('-3', 0)).toBe(false);
    expect(isPositiveAmount('1e3', 0)).toBe(false);
  });

  it('shows amounts for editing without the decimals the currency lacks', () => {
    expect(editableAmount('38333.00', 0)).toBe('38333');
    expect(editableAmount('12.50', 2)).toBe('12.50');
  });
});
