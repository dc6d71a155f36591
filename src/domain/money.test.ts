import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundMoney, splitByShares } from './money.ts';

describe('roundMoney', () => {
  it.each([
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [1234.4999, 0, '1234'],
    [2.675, 2, '2.68'],
    [115000.5, 0, '115001'],
    ['0.125', 2, '0.13'],
  ])('rounds %s to %d decimals half away from zero: %s', (value, decimals, expected) => {
    expect(roundMoney(value, decimals).toFixed(decimals)).toBe(expected);
  });
});

describe('splitByShares', () => {
  it('gives the rounding remainder to the largest share', () => {
    const parts = splitByShares('100', [{ key: 'a', share: '0.333333' }, { key: 'b', share: '0.333333' }, { key: 'c', share: '0.333334' }], 0);
    expect(parts.map((part) => [part.key, part.amount.toString()])).toEqual([
      ['a', '33'],
      ['b', '33'],
      ['c', '34'],
    ]);
  });

  it('gives it to the first of equal largest shares', () => {
    const parts = splitByShares('101', [{ key: 'a', share: '0.5' }, { key: 'b', share: '0.5' }], 0);
    // Each half of 101 rounds up to 51; the extra unit comes back off the first.
    expect(parts.map((part) => part.amount.toString())).toEqual(['50', '51']);
  });

  const sharesSummingToOne = fc
    .array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 })
    .map((weights) => {
      // Shares with 6 decimals, the last taking what the others leave so they sum to exactly 1.
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      const shares = weights.slice(0, -1).map((weight) => new Decimal(weight).div(total).toDecimalPlaces(6, Decimal.ROUND_DOWN));
      const last = shares.reduce((rest, share) => rest.minus(share), new Decimal(1));
      return [...shares, last].map((share, i) => ({ key: `f${i}`, share: share.toString() }));
    })
    .filter((shares) => shares.every((share) => new Decimal(share.share).greaterThan(0)));

  it('makes parts that sum exactly to the amount, each within the rounding of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 2 }), sharesSummingToOne, (units, decimals, shares) => {
        const amount = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
        const parts = splitByShares(amount, shares, decimals);
        const sum = parts.reduce((total, part) => total.plus(part.amount), new Decimal(0));
        expect(sum.equals(amount)).toBe(true);
        const unit = new Decimal(10).pow(-decimals);
        for (const [i, part] of parts.entries()) {
          expect(part.amount.decimalPlaces()).toBeLessThanOrEqual(decimals);
          const exact = amount.times(shares[i]!.share);
          expect(part.amount.minus(exact).abs().lessThanOrEqualTo(unit.times(shares.length))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
