/** The invoice runs' answers, read off the contract (src/contract/api/invoiceRuns.ts). */
import type { getInvoiceRun, listInvoiceRuns, runWarnings } from '../../../src/contract/api/invoiceRuns.ts';
import type { Answer } from '../../../src/contract/http.ts';
import type { Wire } from '../../../src/contract/wire.ts';
import type { z } from 'zod';

export type RunDetail = Answer<typeof getInvoiceRun>;
export type RunListItem = Answer<typeof listInvoiceRuns>['items'][number];
export type DiffLine = RunDetail['diff']['lines']['items'][number];
export type AmountWarnings = Wire<z.output<typeof runWarnings>>;

/**
 * An engine error of a failed run, located by unit, period and activity when the engine knows
 * them: the run stores them as the engine gave them, so the contract leaves them unknown and
 * the screen reads the fields it shows.
 */
export interface RunError {
  readonly code: string;
  readonly at: string;
  readonly orgUnit?: string;
  readonly period?: string;
  readonly activity?: string;
  readonly message: string;
}
