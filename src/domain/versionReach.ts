import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { parsePeriod } from '../engine/index.ts';
import type { Db, Tx } from '../store/database.ts';
import { currentInvoice } from './invoices/current.ts';
import { invoices, periodStatus } from '../store/schema.ts';

/** Statuses from which a period has been decided: a rule change reaching them reprices decided work. */
const DECIDED = ['validated', 'invoiced', 'approved', 'ordered', 'paid'] as const;

/** What a version effective from a period would reach back to, in periods already validated or invoiced. */
export interface VersionReach {
  /** Periods from `effectiveFrom` on that hold validated statuses or invoices. */
  readonly periods: readonly string[];
  /** Unit, period and package statuses already validated or beyond, in those periods. */
  readonly decidedStatuses: number;
  /** Prepared invoices the next run of their scope would compute with the new rules (the first 200). */
  readonly repriced: readonly { id: number; orgUnitId: string; period: string; payment: string; amount: string }[];
  readonly repricedCount: number;
  /** Approved, ordered or paid invoices in those periods: they never change. */
  readonly unchangedCount: number;
}

const LISTED = 200;

/**
 * The decided work a version effective from `effectiveFrom` reaches: a new version is in
 * force for every period from it on (versions are picked newest first), so those periods'
 * validated statuses and invoices are what it reaches back to.
 */
export async function versionReach(db: Db | Tx, programmeId: string, effectiveFrom: string): Promise<VersionReach> {
  const from = parsePeriod(effectiveFrom)!.firstMonth;
  const reached = (period: string) => (parsePeriod(period)?.firstMonth ?? -1) >= from;
  const statusRows = await db
    .select({ period: periodStatus.period, count: sql<number>`count(*)::int` })
    .from(periodStatus)
    .where(and(eq(periodStatus.programmeId, programmeId), inArray(periodStatus.status, [...DECIDED])))
    .groupBy(periodStatus.period);
  const invoiceRows = await db
    .select({ period: invoices.period, status: invoices.status, count: sql<number>`count(*)::int` })
    .from(invoices)
    .where(and(eq(invoices.programmeId, programmeId), currentInvoice))
    .groupBy(invoices.period, invoices.status);
  const periods = [...new Set([...statusRows, ...invoiceRows].map((row) => row.period).filter(reached))].sort();
  const inReach = new Set(periods);
  const repricedPeriods = invoiceRows.filter((row) => inReach.has(row.period) && row.status === 'prepared').map((row) => row.period);
  const repriced =
    repricedPeriods.length === 0
      ? []
      : await db
          .select({ id: invoices.id, orgUnitId: invoices.orgUnitId, period: invoices.period, payment: invoices.payment, amount: invoices.amount })
          .from(invoices)
          .where(and(eq(invoices.programmeId, programmeId), currentInvoice, eq(invoices.status, 'prepared'), inArray(invoices.period, repricedPeriods)))
          .orderBy(asc(invoices.period), asc(invoices.id))
          .limit(LISTED);
  const sum = (rows: readonly { period: string; count: number }[]) => rows.filter((row) => inReach.has(row.period)).reduce((total, row) => total + row.count, 0);
  return {
    periods,
    decidedStatuses: sum(statusRows),
    repriced,
    repricedCount: sum(invoiceRows.filter((row) => row.status === 'prepared')),
    unchangedCount: sum(invoiceRows.filter((row) => row.status !== 'prepared')),
  };
}

export function reachesBack(reach: VersionReach): boolean {
  return reach.periods.length > 0;
}
