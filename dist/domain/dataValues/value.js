import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { limitProblem, VALUE_LIMITS } from "../../contract/values.js";
const LIMIT_MESSAGES = {
    notFinite: () => 'must be a finite number',
    negative: (value) => `must be 0 or more, not ${value}`,
    decimals: (value) => `must have at most ${VALUE_LIMITS.decimals} decimals, not ${value}`,
    tooLarge: (value) => `must be less than ${storedText(VALUE_LIMITS.below)}, not ${value}`,
};
/** Why a number cannot be stored as entered (src/contract/values.ts), or undefined when it can. */
export function valueProblem(value) {
    const problem = limitProblem(value);
    return problem && LIMIT_MESSAGES[problem](value);
}
/** A quantity or a score: a number ≥ 0 with at most four decimals. */
export const valueSchema = z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .superRefine((value, context) => {
    const problem = valueProblem(value);
    if (problem)
        context.addIssue({ code: 'custom', message: problem });
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
export function storedText(value) {
    return new Decimal(value).toFixed();
}
//# sourceMappingURL=value.js.map