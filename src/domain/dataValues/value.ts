import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * Entered values are stored as numeric(20, 4) and answered as JSON numbers. At most four
 * decimals and eleven integer digits keep every value exact both ways (15 significant
 * digits survive a double), so nothing is rounded behind the user's back.
 */
const MAX_DECIMALS = 4;
const LIMIT = new Decimal('1e11');

/** Why a number cannot be stored as entered, or undefined when it can. */
export function valueProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value < 0) return `must be 0 or more, not ${value}`;
  const exact = new Decimal(value);
  if (exact.decimalPlaces() > MAX_DECIMALS) return `must have at most ${MAX_DECIMALS} decimals, not ${value}`;
  if (exact.gte(LIMIT)) return `must be less than 100000000000, not ${value}`;
  return undefined;
}

/** A quantity or a score: a number ≥ 0 with at most four decimals. */
export const valueSchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
  .superRefine((value, context) => {
    const problem = valueProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('a number ≥ 0 with at most 4 decimals');

const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;

/** A value as written in a CSV cell: digits with an optional dot and decimals. */
export const valueTextSchema = z
  .string()
  .trim()
  .refine((text) => text !== '', 'is required')
  .refine((text) => text === '' || DECIMAL_TEXT.test(text), {
    error: (issue) => `'${String(issue.input)}' is not a number (write digits with a dot for decimals, like 12 or 3.5)`,
  })
  .transform(Number)
  .pipe(valueSchema);

/** The stored text of a value (numeric columns are read back as strings). */
export function storedText(value: number): string {
  return new Decimal(value).toFixed();
}
