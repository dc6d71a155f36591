/**
 * The details of the API's error answers, `{ error: { code, message, details } }`: per code
 * that carries details, the schema of its details. The domain makes its errors with these
 * types (src/domain/errors.ts: AppError refuses other details for a code listed here) and the
 * web client reads them through `detailsOf` (web/src/api/errors.ts), never a cast of its own.
 * A code not listed carries no details a client reads (null, or records named for people).
 */
import { z } from 'zod';
import { storedValue } from './api/dataValues.ts';
import { runError } from './api/invoiceRuns.ts';
import { versionReach } from './api/programmes.ts';

/** A record or field the error names (`payments[2].amount`, `invoiceIds[0]`), with its problem when there are several. */
export const fieldProblem = z.object({ at: z.string(), code: z.string().optional(), message: z.string().optional() });
export type FieldProblem = z.output<typeof fieldProblem>;
/** The generic details of a refusal: every field or record at fault. */
export const fieldProblems = z.array(fieldProblem).readonly();
/** Records an error lists (units, draws, statuses changed meanwhile), each described by its own fields. */
const records = z.array(z.custom<object>((value) => typeof value === 'object' && value !== null)).readonly();
/** A row of an import refused (`row`: its CSV line or 1-based position), and its field at fault. */
export const rowProblem = z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() });

/** An engine error of the rules refused (422 PROGRAMME_INVALID): where and what. */
export const engineProblem = z.object({ code: z.string(), at: z.string(), message: z.string() });

/** A payment beyond what its line still owes (code OVERPAYMENT); amounts are decimal texts. */
export const overpayment = z.object({
  at: z.string(),
  orderId: z.number(),
  invoiceId: z.number(),
  orgUnitId: z.string(),
  funderId: z.string(),
  /** What was entered, what the line orders, what earlier payments (and earlier ones of the batch) paid, what is still due. */
  amount: z.string(),
  ordered: z.string(),
  paidBefore: z.string(),
  due: z.string(),
});

export const WEAK_REASONS = ['tooShort', 'tooLong', 'personal', 'guessable'] as const;

export const errorDetails = {
  VALIDATION: z.union([fieldProblems, z.array(rowProblem).readonly()]),
  WRONG_PASSWORD: z.object({ at: z.string() }),
  WEAK_PASSWORD: z.object({
    at: z.string(),
    reason: z.enum(WEAK_REASONS),
    score: z.number(),
    warning: z.string().nullable(),
    suggestions: z.array(z.string()).readonly(),
  }),
  ACCOUNT_LOCKED: z.object({ retryAt: z.string().describe('ISO instant the account opens again') }),
  CONFLICT: z.union([
    fieldProblems,
    records,
    z.object({ current: storedValue.nullable().describe('the value as it is now; null: it does not exist') }),
    z.object({ stale: records }),
    z.object({ count: z.number(), values: records }),
    z.object({ drawId: z.number(), replacedBy: z.number().nullable() }),
    z.object({ orphans: records }),
  ]),
  INVALID_STATE: z.union([
    fieldProblems,
    z.object({ status: z.string().describe('the status the record is in') }),
    z.object({ replacedBy: z.number().nullable() }),
    z.object({ appliedAt: z.date() }),
    z.object({ drawId: z.number() }),
    z.object({ payments: z.number() }),
  ]),
  OVERPAYMENT: z.array(overpayment).readonly(),
  INVOICE_RUN_FAILED: z.object({ runId: z.number(), errorCount: z.number(), errors: z.array(runError).readonly() }),
  DRY_RUN_FAILED: z.array(runError).readonly(),
  PROGRAMME_INVALID: z.array(engineProblem).readonly(),
  VERSION_REACHES_BACK: versionReach,
} as const;

/** A code whose details the contract declares. */
export type DetailedCode = keyof typeof errorDetails;
/** The details an error of `code` is made with (z.input: dates as the server holds them). */
export type ErrorDetailsIn<Code extends string> = Code extends DetailedCode ? z.input<(typeof errorDetails)[Code]> : unknown;
/** The details of `code` as the contract declares them (z.output; the web reads them as `Wire<…>`). */
export type ErrorDetails<Code extends DetailedCode> = z.output<(typeof errorDetails)[Code]>;
