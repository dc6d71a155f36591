import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './round.ts';

/** Rounds the shortest decimal form of x to `digits` places, half away from zero. */
function oracle(x: number, digits: number): number {
  const value = new Decimal(String(x));
  if (digits >= 0) return value.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber() + 0;
  const scale = new Decimal(10).pow(-digits);
  return value.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale).toNumber() + 0;
}

describe('roundHalfAwayFromZero', () => {
  it.each([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [0.285, 2, 0.29],
    [1.45, 1, 1.5],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.4999, 0, 2],
    [-2.675, 2, -2.68],
    [1234.5678, 2, 1234.57],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [1249.99, -2, 1200],
    [50, -2, 100],
    [49, -2, 0],
    [5, -1, 10],
    [123456, -5, 100000],
    [5e-7, 6, 0.000001],
    [1.5e-7, 7, 0.0000002],
    [8.345, 2.9, 8.35],
    [1e20 + 0.5, 0, 1e20],
  ])('ROUND(%d, %d) is %d', (x, digits, expected) => {
    expect(roundHalfAwayFromZero(x, digits)).toBe(expected);
  });

  it('rounds to whole numbers when digits are omitted', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-7.45)).toBe(-7);
  });

  it('gives 0, never -0, for small negative values', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0.004, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-40, -2), 0)).toBe(true);
  });

  it('gives NaN for NaN and infinite arguments', () => {
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(roundHalfAwayFromZero(1.5, Number.NaN)).toBeNaN();
  });

  it('rounds a value whose decimal form has a digit past the place even above 2^52 when scaled', () => {
    // 450359962737050.0625 prints as 450359962737050.06; scaled by 10 it is above 2^52.
    expect(roundHalfAwayFromZero(450359962737050.0625, 1)).toBe(450359962737050.1);
  });

  /** Decimals with up to 17 significant digits: ties, and values on the edge of exactness. */
  const decimalLike = fc
    .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: -20, max: 5 }))
    .map(([digits, exponent]) => Number(`${digits}e${exponent}`));

  it('agrees with decimal.js rounding the shortest decimal form half away from zero', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), decimalLike),
        fc.integer({ min: -5, max: 10 }),
        (x, digits) => {
          expect(roundHalfAwayFromZero(x, digits)).toBe(oracle(x, digits));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
