import { and, count, desc, eq, lt, sum } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { invoiceRuns, invoices } from '../../store/schema.ts';
import { errors } from '../errors.ts';
import type { RunError } from '../../contract/api/invoiceRuns.ts';
import type { SkippedInvoice } from './computeInvoices.ts';

/** An approved (or later) invoice a run left as it was. */
export interface KeptInvoice {
  readonly invoiceId: number;
  readonly orgUnitId: string;
  readonly payment: string;
  readonly status: string;
  readonly amount: string;
  /** What the run computed for it, for comparison; the invoice itself is not changed. */
  readonly computedAmount: string;
}

export interface Excluded {
  readonly skipped: readonly SkippedInvoice[];
  readonly kept: readonly KeptInvoice[];
}

export interface RunSummary {
  readonly programmeId: string;
  readonly id: number;
  readonly rootOrgUnitId: string;
  readonly period: string;
  readonly programmeVersion: number;
  readonly inputsHash: string;
  readonly status: 'completed' | 'failed';
  readonly errors: readonly RunError[];
  readonly startedBy: number | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly invoiceCount: number;
  readonly total: string;
  readonly skipped: readonly SkippedInvoice[];
  readonly kept: readonly KeptInvoice[];
}

type RunRow = typeof invoiceRuns.$inferSelect;

/** A run with its invoice count and total, or a 404 naming it. */
export async function readRun(db: Db | Tx, programmeId: string, runId: number): Promise<RunSummary> {
  const [row] = await db.select().from(invoiceRuns).where(and(eq(invoiceRuns.programmeId, programmeId), eq(invoiceRuns.id, runId)));
  if (!row) throw errors.notFound(`invoice run ${runId}`);
  return summarise(db, row);
}

export async function summarise(db: Db | Tx, row: RunRow): Promise<RunSummary> {
  const [totals] = await db
    .select({ invoiceCount: count(), total: sum(invoices.amount) })
    .from(invoices)
    .where(and(eq(invoices.programmeId, row.programmeId), eq(invoices.runId, row.id)));
  const excluded = row.excluded as Excluded;
  return {
    programmeId: row.programmeId,
    id: row.id,
    rootOrgUnitId: row.rootOrgUnitId,
    period: row.period,
    programmeVersion: row.programmeVersion,
    inputsHash: row.inputsHash,
    status: row.status,
    errors: row.errors as RunError[],
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    invoiceCount: totals?.invoiceCount ?? 0,
    total: totals?.total ?? '0.00',
    skipped: excluded.skipped,
    kept: excluded.kept,
  };
}

/** The latest run of a scope (subtree root and period), completed ones only when asked, before `beforeId` if given. */
export async function latestRun(
  db: Db | Tx,
  scope: { programmeId: string; rootOrgUnitId: string; period: string },
  options: { completedOnly?: boolean; beforeId?: number } = {},
): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(invoiceRuns)
    .where(
      and(
        eq(invoiceRuns.programmeId, scope.programmeId),
        eq(invoiceRuns.rootOrgUnitId, scope.rootOrgUnitId),
        eq(invoiceRuns.period, scope.period),
        options.completedOnly ? eq(invoiceRuns.status, 'completed') : undefined,
        options.beforeId !== undefined ? lt(invoiceRuns.id, options.beforeId) : undefined,
      ),
    )
    .orderBy(desc(invoiceRuns.id))
    .limit(1);
  return row;
}
