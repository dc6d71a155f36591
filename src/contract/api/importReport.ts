import { z } from 'zod';

/** A row an import refused, and why: the row, the field and a message naming both. */
export const rowError = z.object({
  row: z.number().describe('the CSV line (the header is line 1), or the position in the JSON array from 1'),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

/**
 * What an import did, or would do (a dry run), and every row it refused: the dry run's answer
 * and the import job's result. Apart from dataValues.ts, which answers with the job (jobs.ts),
 * as jobs.ts holds it.
 */
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
