import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { entryProblem, planningProblem } from '../periodBounds.ts';
import { limitProblem, VALUE_LIMITS, type LimitProblem } from '../values.ts';
import { WORKFLOW_STATUSES } from '../workflow.ts';

/** PostgreSQL's integer: a record's id or a version is 1 to 2^31 − 1; a larger one names nothing. */
const MAX_ID = 2_147_483_647;
export const recordId = z.number().int().min(1).max(MAX_ID);
/** A record id in a path or a query string. */
export const recordIdParam = z.coerce.number().int().min(1).max(MAX_ID);

/** `?limit=&offset=` on every list; answers carry the total so clients can page. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(MAX_ID).default(0),
});

/** A month or quarter that has begun: what values, steps, runs, orders and draws are about. */
export const entryPeriod = z
  .string()
  .max(16)
  .superRefine((period, context) => {
    const problem = /^\d{4}(?:0[1-9]|1[0-2]|Q[1-4])$/.test(period) ? entryProblem(period) : `'${period}' is not a month (202401) or a quarter (2024Q1)`;
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A month, quarter or year rules, shares and budgets may be planned from or until. */
export const planningPeriod = z
  .string()
  .max(16)
  .superRefine((period, context) => {
    const problem = planningProblem(period);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
export type PageQuery = z.output<typeof pageQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), limit: z.number(), offset: z.number() });
}

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

export const programmeParams = z.strictObject({ programmeId: z.string().min(1).max(64) });

/** Standard error answers documented on every route. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

const LIMIT_MESSAGES: Record<LimitProblem, (value: number) => string> = {
  notFinite: () => 'must be a finite number',
  negative: (value) => `must be 0 or more, not ${value}`,
  decimals: (value) => `must have at most ${VALUE_LIMITS.decimals} decimals, not ${value}`,
  tooLarge: (value) => `must be less than ${new Decimal(VALUE_LIMITS.below).toFixed()}, not ${value}`,
};

/** Why a number cannot be stored as entered (src/contract/values.ts), or undefined when it can. */
function valueProblem(value: number): string | undefined {
  const problem = limitProblem(value);
  return problem && LIMIT_MESSAGES[problem](value);
}

/** A quantity or a score, as data values, imports and corrections take it: a number ≥ 0 with at most four decimals. */
export const valueSchema = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
  .superRefine((value, context) => {
    const problem = valueProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('a number ≥ 0 with at most 4 decimals');

/** Who last changed a record (a value, a package's status); null for what nobody wrote yet. */
export const userRef = z.object({ id: z.number(), username: z.string(), name: z.string() }).nullable();

export const statusSchema = z.enum(WORKFLOW_STATUSES);

/** A facility's package in the period its workflow is tracked in: what data values and workflow steps answer. */
export const packageStatus = z.object({
  package: z.string(),
  period: z.string().describe('the period the package is tracked in: a quarterly package reads months, locked with their quarter'),
  status: statusSchema,
  locked: z.boolean(),
  version: z.number().describe('0 while open'),
  updatedBy: userRef,
  updatedAt: z.date().nullable(),
});
