import { z } from 'zod';
import { route } from '../http.ts';
import { IMPORT_LIMITS } from '../importLimits.ts';
import { importReport } from './importReport.ts';
import { dataImportJob } from './jobs.ts';
import { entryPeriod, packageStatus, programmeParams, recordId, userRef, valueSchema } from './common.ts';

/** A value as stored: the version to send back when changing it, who wrote it and when. */
export const storedValue = z.object({
  orgUnit: z.string(),
  period: z.string(),
  activity: z.string(),
  state: z.string(),
  value: z.number(),
  version: z.number().describe('send it back when changing the value'),
  updatedBy: userRef,
  updatedAt: z.date(),
});

/** A package as a data-entry sheet shows it: with the inputs whose values no longer change at its status. */
export const sheetPackage = packageStatus.extend({ frozen: z.array(z.string()).describe('inputs whose values no longer change at this status') });

/** A unit's values for a period, with the status of each package reading them. */
export const sheet = z.object({
  orgUnit: z.string(),
  period: z.string(),
  programmeVersion: z.number(),
  packages: z.array(sheetPackage),
  values: z.array(storedValue),
});

export const readSheet = route({
  method: 'GET',
  url: '/programmes/:programmeId/data-values',
  tags: ['data values'],
  summary: 'The values of a unit and period, with the workflow status of each package reading them',
  params: programmeParams,
  querystring: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, package: z.string().min(1).optional() }),
  response: { 200: sheet },
});

export const writeValue = route({
  method: 'PUT',
  url: '/programmes/:programmeId/data-values/:orgUnitId/:period/:activity/:state',
  tags: ['data values'],
  summary: 'Write one value: the clerk writes declared, the verifier verified (and other measured inputs), the committee validated',
  description:
    'Send the version you read to change a value, none to create it; if the stored version differs the answer is 409 with the current value. ' +
    'A locked (validated) period answers 423 LOCKED; declared values once declared, and the verifier’s once verified, 423 FROZEN.',
  params: programmeParams.extend({ orgUnitId: z.string().min(1), period: entryPeriod, activity: z.string().min(1), state: z.string().min(1) }),
  body: z.object({
    value: valueSchema,
    version: recordId.optional().describe('the version read; absent to create the value'),
    package: z.string().min(1).optional().describe('the package the value is entered for; checked to hold the activity and state'),
    reason: z.string().max(2000).optional().describe('recorded in the audit log'),
  }),
  response: { 200: storedValue, 201: storedValue },
});

export const importValues = route({
  method: 'POST',
  url: '/programmes/:programmeId/data-values/import',
  tags: ['data values'],
  summary: 'Import values from JSON rows or CSV text (content type text/csv; header orgUnit,period,activity,state,value[,package]); the write runs as a job',
  description:
    'The rows are parsed and checked in the request: any row error answers 400 with every row error and writes nothing, unless partial=true, ' +
    'which writes the good rows. dryRun=true answers 200 with the report of what would be created, updated or left unchanged, writing nothing. ' +
    'Otherwise the answer is 202 with a job (kind data-import) that checks the rows again with their locks held and writes them in one ' +
    'transaction; its result is the same report (GET /jobs/:jobId), and its error names what changed meanwhile (a package locked: VALIDATION ' +
    'with the rows; a value changed: CONFLICT). Re-importing the same rows changes nothing. ' +
    `At most ${IMPORT_LIMITS.rows} rows (413 IMPORT_TOO_LARGE), ${IMPORT_LIMITS.periods} distinct periods (422 IMPORT_TOO_MANY_PERIODS) ` +
    `and ${IMPORT_LIMITS.bodyBytes} bytes (413 BODY_TOO_LARGE).`,
  consumes: ['application/json', 'text/csv'],
  params: programmeParams,
  querystring: z.object({ dryRun: z.stringbool().default(false), partial: z.stringbool().default(false) }),
  body: z.union([z.array(z.unknown()).describe('rows {orgUnit, period, activity, state, value, package?}'), z.string().describe('CSV text')]),
  response: { 200: importReport, 202: z.object({ job: dataImportJob }) },
});
