/**
 * The invoice runs' answers (src/server/routes/invoiceRuns.ts). Kept by hand only until the
 * jobs branch moves invoiceRuns.ts into the contract; then they are read off it like
 * records.ts and this file goes.
 */
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
