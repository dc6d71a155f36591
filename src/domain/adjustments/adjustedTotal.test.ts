import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByShares } from '../money.ts';
import { adjustedTotal } from './adjustedTotal.ts';

const cents = fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map((n) => new Decimal(n).dividedBy(100));

describe('adjustedTotal', () => {
  it('pays the exact sum, or 0 with the exact remainder carried forward', () => {
    fc.assert(
      fc.property(cents.filter((n) => !n.isNegative()), fc.array(cents, { maxLength: 6 }), (base, lines) => {
        const { amount, carriedForward } = adjustedTotal(base, lines);
        const sum = lines.reduce((total, line) => total.plus(line), base);
        expect(amount.plus(carriedForward).equals(sum)).toBe(true);
        expect(amount.isNegative() && !amount.isZero()).toBe(false);
        expect(carriedForward.greaterThan(0)).toBe(false);
        expect(amount.isZero() || carriedForward.isZero()).toBe(true);
      }),
    );
  });

  it('an adjusted total split among funders still sums exactly to it', () => {
    const share = fc.integer({ min: 1, max: 99 }).map((n) => new Decimal(n).dividedBy(100));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: -2_000_000, max: 2_000_000 }), { maxLength: 4 }), share, (base, lines, first) => {
        const { amount } = adjustedTotal(base, lines);
        const parts = splitByShares(amount, [{ key: 'a', share: first }, { key: 'b', share: new Decimal(1).minus(first) }], 0);
        expect(parts.reduce((sum, part) => sum.plus(part.amount), new Decimal(0)).equals(amount)).toBe(true);
        expect(parts.every((part) => part.amount.decimalPlaces() === 0 && !part.amount.isNegative())).toBe(true);
      }),
    );
  });

  it('keeps a zero total at zero, carrying nothing', () => {
    expect(adjustedTotal('100', ['-100'])).toEqual({ amount: new Decimal(0), carriedForward: new Decimal(0) });
    expect(adjustedTotal('100', ['-250']).carriedForward.toFixed(0)).toBe('-150');
  });
});
