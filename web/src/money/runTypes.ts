/** The invoice runs' answers, read off the contract (src/contract/api/invoiceRuns.ts). */
import type { getInvoiceRun, listInvoiceRuns, runWarnings } from '../../../src/contract/api/invoiceRuns.ts';
import type { Answer } from '../../../src/contract/http.ts';
import type { Wire } from '../../../src/contract/wire.ts';
import type { z } from 'zod';

export type RunDetail = Answer<typeof getInvoiceRun>;
export type RunPage = Answer<typeof listInvoiceRuns>;
export type RunListItem = RunPage['items'][number];
export type DiffLine = RunDetail['diff']['lines']['items'][number];
export type AmountWarnings = Wire<z.output<typeof runWarnings>>;

export type { RunError } from '../../../src/contract/api/invoiceRuns.ts';
