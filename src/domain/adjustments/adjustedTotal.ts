import { Decimal } from 'decimal.js';

export interface AdjustedTotal {
  /** What the invoice pays: never below 0. */
  readonly amount: Decimal;
  /** What it could not take (≤ 0), taken from the unit's next invoice of the same payment. */
  readonly carriedForward: Decimal;
}

/**
 * An invoice's own amount plus its adjustment lines, exactly. A total below zero is not a
 * debt the facility pays back in cash: the invoice pays 0 and the rest carries forward, so
 * `amount + carriedForward` is always the exact sum and one of the two is 0.
 */
export function adjustedTotal(base: Decimal.Value, lines: readonly Decimal.Value[]): AdjustedTotal {
  const total = lines.reduce<Decimal>((sum, line) => sum.plus(line), new Decimal(base));
  if (total.isNegative() && !total.isZero()) return { amount: new Decimal(0), carriedForward: total };
  return { amount: total, carriedForward: new Decimal(0) };
}
