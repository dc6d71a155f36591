import { describe, expect, it } from 'vitest';
import { compareAmounts, editableAmount, readAmount, sumAmounts } from './amounts.ts';

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

  it('reads typed amounts in the reader’s language, against the currency’s decimals', () => {
    expect(readAmount('38333', 'en', 0)).toBe('38333');
    expect(readAmount('38 333', 'fr', 0)).toBe('38333');
    expect(readAmount('38,333', 'en', 0)).toBe('38333');
    expect(readAmount('38333.5', 'en', 0)).toBeUndefined();
    expect(readAmount('12.50', 'en', 2)).toBe('12.50');
    expect(readAmount('1 234 567,25', 'fr', 2)).toBe('1234567.25');
    expect(readAmount('12,5', 'en', 2)).toBeUndefined();
    expect(readAmount('0', 'en', 0)).toBeUndefined();
    expect(readAmount('0,00', 'fr', 2)).toBeUndefined();
    expect(readAmount('-3', 'en', 0)).toBeUndefined();
    expect(readAmount('1e3', 'en', 0)).toBeUndefined();
  });

  it('shows amounts for editing in the reader’s writing, without the decimals the currency lacks', () => {
    expect(editableAmount('38333.00', 0, 'fr')).toBe('38333');
    expect(editableAmount('12.50', 2, 'en')).toBe('12.50');
    expect(editableAmount('12.50', 2, 'fr')).toBe('12,50');
    expect(readAmount(editableAmount('12.50', 2, 'fr'), 'fr', 2)).toBe('12.50');
  });
});
