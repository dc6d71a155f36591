import { z } from 'zod';
import { route } from '../http.ts';
import { IMPORT_LIMITS } from '../importLimits.ts';
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

const rowError = z.object({
  row: z.number().describe('the CSV line (the header is line 1), or the position in the JSON array from 1'),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

/** What an import did, or would do (a dry run), and every row it refused. */
export const importReport = z.object({
  dryRun: z.boolean(),
  partial: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number().describe('rows with errors, not written'),
  errors: z.array(rowError),
});

export const importValues = route({
  method: 'POST',
  url: '/programmes/:programmeId/data-values/import',
  tags: ['data values'],
  summary: 'Import values from JSON rows or CSV text (content type text/csv; header orgUnit,period,activity,state,value[,package])',
  description:
    'All or nothing: any row error answers 400 with every row error and writes nothing, unless partial=true, which writes the good rows. ' +
    'dryRun=true reports what would be created, updated or left unchanged without writing. Re-importing the same rows changes nothing. ' +
    `At most ${IMPORT_LIMITS.rows} rows (413 IMPORT_TOO_LARGE), ${IMPORT_LIMITS.periods} distinct periods (422 IMPORT_TOO_MANY_PERIODS) ` +
    `and ${IMPORT_LIMITS.bodyBytes} bytes (413 BODY_TOO_LARGE).`,
  consumes: ['application/json', 'text/csv'],
  params: programmeParams,
  querystring: z.object({ dryRun: z.stringbool().default(false), partial: z.stringbool().default(false) }),
  body: z.union([z.array(z.unknown()).describe('rows {orgUnit, period, activity, state, value, package?}'), z.string().describe('CSV text')]),
  response: { 200: importReport },
});
