/**
 * Shapes of the invoice and payment answers, as the OpenAPI document describes them
 * (src/server/routes/{invoiceRuns,invoices,funders,paymentOrders,payments}.ts). Amounts are
 * decimal strings, never floats: they are formatted, not computed with, in the browser.
 */
import type { Page } from '../api/types.ts';
export type InvoiceStatus = 'prepared' | 'approved' | 'ordered' | 'paid' | 'rejected';
export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['prepared', 'approved', 'ordered', 'paid', 'rejected'];

export interface Invoice {
  readonly id: number;
  readonly runId: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly amount: string;
  readonly status: InvoiceStatus;
  readonly programmeVersion: number;
  readonly preparedBy: number | null;
  readonly approvedBy: number | null;
  readonly approvedAt: string | null;
  readonly supersededBy: number | null;
  readonly rejectedBy: number | null;
  readonly rejectedAt: string | null;
  readonly rejectionReason: string | null;
  /** What the invoice could not pay (≤ 0) after its adjustment lines, taken from the next invoice. */
  readonly carriedForward: string;
  readonly createdAt: string;
}

/** Corrected figures recorded after approval, by activity then state. */
export interface Correction {
  readonly id: number;
  readonly period: string;
  readonly package: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly reason: string;
  readonly createdByName: string | null;
  readonly createdAt: string;
}

/** A correction as listed, with the current invoices whose lines apply it. */
export interface CorrectionListed extends Correction {
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly appliedBy: readonly { readonly invoiceId: number; readonly period: string; readonly status: string }[];
}

/** A line of earlier periods an invoice carries: a correction's difference, or a remainder. */
export interface Adjustment {
  readonly id: number;
  readonly kind: 'correction' | 'carried';
  readonly sourceInvoiceId: number;
  readonly period: string;
  readonly correctedAmount: string | null;
  readonly grantedAmount: string | null;
  readonly amount: string;
  readonly corrections: readonly Correction[];
}

/** A line the invoice lost to a declared penalty, as its run computed it. */
export interface InvoicePenaltyLine {
  readonly package: string;
  readonly activity: string;
  readonly activityName: string | null;
  readonly period: string;
  readonly inputs: Readonly<Record<string, number>>;
  readonly gap: number | null;
  readonly tolerance: number | null;
  readonly lost: string;
  /** The value whose provenance explains the loss. */
  readonly lostName: string;
}

export interface InvoiceDetail extends Invoice {
  readonly values: readonly { readonly period: string; readonly name: string; readonly value: number | null }[];
  readonly penalties: { readonly breaches: number; readonly lost: string; readonly lines: readonly InvoicePenaltyLine[] };
  readonly baseAmount: string;
  readonly adjustments: readonly Adjustment[];
}

export interface PendingPeriod {
  readonly package: string;
  readonly period: string;
  readonly status: string;
}

/** An engine error located by unit, period and activity when the engine knows them. */
export interface RunError {
  readonly code: string;
  readonly at: string;
  readonly orgUnit?: string;
  readonly period?: string;
  readonly activity?: string;
  readonly message: string;
}

/** An invoice of a run whose amount fell to 0, or moved more than the programme's share, from the previous period's. */
export interface AmountWarning {
  readonly orgUnitId: string;
  readonly payment: string;
  readonly kind: 'zero' | 'moved';
  readonly previousAmount: string;
  readonly amount: string;
  /** (amount − previous) / previous, as a decimal string. */
  readonly change: string;
}

export interface AmountWarnings {
  readonly previousPeriod: string;
  readonly maxChange: number;
  readonly total: number;
  readonly items: readonly AmountWarning[];
}

export interface RunSummary {
  readonly id: number;
  readonly rootOrgUnitId: string;
  readonly period: string;
  readonly programmeVersion: number;
  readonly status: 'completed' | 'failed';
  readonly startedBy: number | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly invoiceCount: number;
  readonly total: string;
  readonly errors: readonly RunError[];
  readonly amountWarnings: AmountWarnings;
  readonly skipped: readonly { readonly orgUnitId: string; readonly payment: string; readonly pending: readonly PendingPeriod[] }[];
  readonly kept: readonly {
    readonly invoiceId: number;
    readonly orgUnitId: string;
    readonly payment: string;
    readonly status: string;
    readonly amount: string;
    readonly computedAmount: string;
  }[];
}

export interface RunListItem extends Omit<RunSummary, 'errors' | 'skipped' | 'kept' | 'amountWarnings'> {
  readonly skippedCount: number;
  readonly keptCount: number;
}

export interface DiffLine {
  readonly orgUnitId: string;
  readonly payment: string;
  readonly oldAmount: string | null;
  readonly newAmount: string | null;
  readonly delta: string;
}

export interface RunDetail extends RunSummary {
  readonly diff: {
    readonly previousRunId: number | null;
    readonly lineCount: number;
    readonly changedCount: number;
    readonly oldTotal: string;
    readonly newTotal: string;
    readonly lines: { readonly items: readonly DiffLine[]; readonly total: number; readonly limit: number; readonly offset: number };
  };
}

export interface RunAnswer {
  /** False when the scope was already run with the same rules and inputs: nothing was written. */
  readonly created: boolean;
  readonly run: RunSummary;
}

export type ValueSource =
  | 'input'
  | 'isNull'
  | 'constant'
  | 'table'
  | 'attribute'
  | 'activityFormula'
  | 'formula'
  | 'zoneFormula'
  | 'paymentFormula'
  | 'packageValue';

/** The engine's explanation of one value (src/engine/provenance/explain.ts). */
export interface Explanation {
  readonly orgUnit: string;
  readonly period: string;
  readonly name: string;
  readonly value: number | null;
  readonly source: ValueSource;
  readonly location: string;
  readonly formula?: { readonly location: string; readonly text: string; readonly substituted: string; readonly recomputed: number };
  readonly table?: { readonly table: number; readonly row: number; readonly from?: string; readonly to?: string; readonly cells: Readonly<Record<string, string | number>> };
  readonly entries?: readonly { readonly period: string; readonly value: number }[];
  readonly reads: readonly Explanation[];
  readonly repeated?: boolean;
  readonly program?: { readonly code: string; readonly version?: string };
}

export interface Provenance {
  readonly invoiceId: number;
  readonly runId: number;
  readonly programmeVersion: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly name: string;
  readonly storedValue: number | null;
  readonly recomputedValue: number | null;
  readonly identical: boolean;
  readonly explanation: Explanation;
}

export interface Funder {
  readonly id: string;
  readonly name: string;
}

export interface FunderShare {
  readonly id: number;
  readonly funderId: string;
  readonly orgUnitId: string;
  readonly payment: string | null;
  readonly share: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface PaymentOrder {
  readonly id: number;
  readonly funderId: string;
  readonly period: string;
  readonly orgUnitId: string;
  readonly total: string;
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly cancelledBy: number | null;
  readonly cancelledAt: string | null;
  readonly cancellationReason: string | null;
}

export interface OrderLine {
  readonly invoiceId: number;
  readonly orgUnitId: string;
  readonly payment: string;
  readonly amount: string;
  readonly paid: string;
  readonly outstanding: string;
}

export interface OrderDetail extends PaymentOrder {
  readonly paid: string;
  readonly lines: { readonly items: readonly OrderLine[]; readonly total: number; readonly limit: number; readonly offset: number };
}

export interface OrderAnswer {
  readonly orders: readonly { readonly id: number; readonly funderId: string; readonly period: string; readonly orgUnitId: string; readonly total: string; readonly lineCount: number }[];
  readonly skipped: readonly { readonly invoiceId: number; readonly orgUnitId: string; readonly amount: string }[];
}

export interface Payment {
  readonly id: number;
  readonly orderId: number;
  readonly invoiceId: number;
  readonly funderId: string;
  readonly paidOn: string;
  readonly amount: string;
  readonly reference: string;
  readonly recordedBy: number | null;
  readonly createdAt: string;
}

/** One funder's part of an invoice and how long its payment took, or is taking (src/domain/payments/paymentDelays.ts). */
export interface Delay {
  readonly invoiceId: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly funderId: string;
  readonly orderId: number;
  readonly amount: string;
  readonly paid: string;
  readonly periodEnd: string;
  readonly orderedOn: string;
  /** Null while the part is not fully paid: a running delay, counted to today. */
  readonly paidOn: string | null;
  /** Days from the end of the period: the facility's wait. */
  readonly delayDays: number;
  /** Days from the payment order: the funder's own delay. */
  readonly orderDays: number;
}

/** The delays' page with its summary over every part of the filter. */
export type Delays = Page<Delay> & {
  readonly paidParts: number;
  readonly averageDays: number | null;
  readonly maxDays: number | null;
  readonly averageOrderDays: number | null;
  readonly running: number;
  readonly maxRunningDays: number | null;
};

export interface Arrear {
  readonly funderId: string;
  readonly funderName: string | null;
  readonly period: string;
  readonly ordered: string;
  readonly paid: string;
  readonly outstanding: string;
  readonly linesOutstanding: number;
  readonly periodEnd: string;
  readonly daysOverdue: number;
}
