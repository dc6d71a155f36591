import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES, JOB_STEPS } from '../jobs.ts';
import { route } from '../http.ts';
import { programmeParams, recordIdParam } from './common.ts';
import { importReport } from './importReport.ts';

/** What an invoice-run job was asked: the root of the subtree and the month or quarter. */
export const invoiceRunScope = z.object({ orgUnitId: z.string(), period: z.string() });

/** What an invoice-run job gave: the run, new or the stored one of unchanged inputs. */
export const invoiceRunResult = z.object({ runId: z.number(), created: z.boolean() });

/**
 * What a data-import job was asked: the root of the subtree its rows are in (who may read it
 * may see the job, as may who started it), how many rows the file had, and whether the good
 * rows are written when others are refused.
 */
export const dataImportScope = z.object({ orgUnitId: z.string(), rows: z.number(), partial: z.boolean() });

export const jobError = z.object({
  code: z
    .string()
    .describe('the code the request would have answered with (INVOICE_RUN_FAILED, CONFLICT, VALIDATION), or INTERRUPTED when the server stopped during the job'),
  message: z.string(),
  details: z.unknown().optional(),
});

const jobFields = {
  id: z.number(),
  programmeId: z.string(),
  orgUnitId: z.string().describe('the root of the subtree the job works on: who may read that unit may see the job'),
  createdBy: z.number().nullable(),
  status: z.enum(JOB_STATUSES),
  step: z.enum(JOB_STEPS).nullable().describe('what a running job is doing'),
  progress: z.object({ done: z.number(), total: z.number().describe('0 while the step cannot tell') }),
  error: jobError.nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
};

/** An invoice run: its result is the run. */
export const invoiceRunJob = z.object({ ...jobFields, kind: z.literal('invoice-run'), scope: invoiceRunScope, result: invoiceRunResult.nullable() });

/** A data-values import's write: its progress the rows checked then written, its result the import's report. */
export const dataImportJob = z.object({ ...jobFields, kind: z.literal('data-import'), scope: dataImportScope, result: importReport.nullable() });

/** A job, of one of the kinds (JOB_KINDS): its scope and result are its kind's. */
export const job = z.discriminatedUnion('kind', [invoiceRunJob, dataImportJob]);

export const getJob = route({
  method: 'GET',
  url: '/programmes/:programmeId/jobs/:jobId',
  tags: ['jobs'],
  summary: 'One job: its status, progress, and its result or error; poll it while it is queued or running',
  params: programmeParams.extend({ jobId: recordIdParam }),
  response: { 200: job },
});

export const listJobs = route({
  method: 'GET',
  url: '/programmes/:programmeId/jobs',
  tags: ['jobs'],
  summary: 'The newest jobs over units in the user’s scope (at most 50), to find again one under way after leaving the page',
  params: programmeParams,
  querystring: z.strictObject({
    kind: z.enum(JOB_KINDS).optional(),
    status: z.enum(JOB_STATUSES).array().or(z.enum(JOB_STATUSES).transform((status) => [status])).optional(),
  }),
  response: { 200: z.object({ items: z.array(job) }) },
});
