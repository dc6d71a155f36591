import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { valueSchema } from '../../contract/api/common.ts';

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
