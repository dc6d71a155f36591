import { z } from 'zod';
import { entryProblem, planningProblem } from '../periodBounds.ts';

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
