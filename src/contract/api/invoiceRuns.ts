import { z } from 'zod';
import { route } from '../http.ts';
import { entryPeriod, page, pageQuery, planningPeriod, programmeParams, recordIdParam } from './common.ts';
import { job } from './jobs.ts';

const pending = z.object({ package: z.string(), period: z.string(), status: z.string() });
const runFields = {
  id: z.number(),
  rootOrgUnitId: z.string(),
  period: z.string(),
  programmeVersion: z.number(),
  inputsHash: z.string(),
  status: z.enum(['completed', 'failed']),
  startedBy: z.number().nullable(),
  startedAt: z.date(),
  finishedAt: z.date(),
  invoiceCount: z.number(),
  total: z.string(),
};

/** A facility whose amount fell to 0 or moved more than the programme's share from the previous period. */
export const runWarning = z.object({
  orgUnitId: z.string(),
  payment: z.string(),
  kind: z.enum(['zero', 'moved']),
  previousAmount: z.string(),
  amount: z.string(),
  change: z.string(),
});

export const runWarnings = z.object({
  previousPeriod: z.string(),
  maxChange: z.number(),
  total: z.number(),
  items: z.array(runWarning).readonly(),
});

/** An engine error of a run, located by unit, period and activity when the engine knows them. */
export const runError = z.object({
  code: z.string(),
  at: z.string().describe('where in the rules the engine stopped: package, formula or activity'),
  orgUnit: z.string().optional(),
  period: z.string().optional(),
  activity: z.string().optional(),
  message: z.string(),
});
export type RunError = z.output<typeof runError>;

export const runSummary = z.object({
  ...runFields,
  amountWarnings: runWarnings,
  errors: z.array(runError).readonly().describe('a failed run: why; a completed one: errors at facilities not invoiced, which did not stop it'),
  skipped: z.array(z.object({ orgUnitId: z.string(), payment: z.string(), pending: z.array(pending).readonly() })).readonly(),
  kept: z
    .array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), payment: z.string(), status: z.string(), amount: z.string(), computedAmount: z.string() }))
    .readonly(),
});

export const runDiff = z.object({
  previousRunId: z.number().nullable(),
  lineCount: z.number(),
  changedCount: z.number(),
  oldTotal: z.string(),
  newTotal: z.string(),
  lines: page(z.object({ orgUnitId: z.string(), payment: z.string(), oldAmount: z.string().nullable(), newAmount: z.string().nullable(), delta: z.string() })),
});

export const runListItem = z.object({ ...runFields, skippedCount: z.number(), keptCount: z.number() });

export const startInvoiceRun = route({
  method: 'POST',
  url: '/programmes/:programmeId/invoice-runs',
  tags: ['invoices'],
  summary:
    'Start computing and storing the invoices of a subtree for a month or quarter (committee), as a job: the answer (202) is the job, whose result is the run (GET /jobs/:jobId); an unchanged scope gives its stored run',
  params: programmeParams,
  body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod }),
  response: { 202: z.object({ job }) },
});

export const listInvoiceRuns = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoice-runs',
  tags: ['invoices'],
  summary: 'Invoice runs over subtrees in the user’s scope, newest first',
  params: programmeParams,
  querystring: pageQuery.extend({ orgUnitId: z.string().optional(), period: planningPeriod.optional() }),
  response: { 200: page(runListItem) },
});

export const getInvoiceRun = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoice-runs/:runId',
  tags: ['invoices'],
  summary:
    'One run with what it left out, the facilities whose amount fell to 0 or moved more than the programme’s share from the previous period, and its difference from the previous run of the same scope',
  params: programmeParams.extend({ runId: recordIdParam }),
  querystring: pageQuery.extend({ changedOnly: z.stringbool().default(false) }),
  response: { 200: runSummary.extend({ diff: runDiff }) },
});
