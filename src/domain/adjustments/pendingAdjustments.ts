import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import type { Db, Tx } from '../../store/database.ts';
import { corrections } from '../../store/schema.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { CURRENT_INVOICE } from '../invoices/current.ts';
import type { RunInputs } from '../invoices/loadRunInputs.ts';
import { invoicedPayments, invoicePeriod, packagePeriods } from '../invoices/periods.ts';
import { sumMoney } from '../money.ts';
import { versionByNumber, type ProgrammeVersion } from '../programmes.ts';

/** An approved invoice of an earlier period with something a run must still carry. */
export interface PendingSource {
  readonly invoiceId: number;
  readonly runId: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  /** What the invoice's own period was worth: its amount and remainder less its own lines. */
  readonly base: string;
  /** The correction lines already applied to it, on current invoices: what it granted beyond `base`. */
  readonly adjusted: string;
  /** Every correction of the package periods it paid, in order, and those no current line applies yet. */
  readonly corrections: readonly CorrectionRow[];
  readonly pending: readonly number[];
  /** Its remainder (< 0) when no current invoice has taken it yet, else null. */
  readonly carry: string | null;
}

export interface CorrectionRow {
  readonly id: number;
  readonly period: string;
  readonly package: string;
  readonly values: Record<string, Record<string, string>>;
}

interface SourceRow {
  id: number;
  run_id: number;
  org_unit_id: string;
  period: string;
  payment: string;
  programme_version: number;
  base: string;
  carried_forward: string;
}

/**
 * What a run of `inputs` must carry: per approved, ordered or paid invoice of an earlier
 * period of the run's payments at a unit of the subtree, the corrections of what it paid that
 * no current invoice applies yet, and its negative remainder if none took it. A prepared
 * invoice of the run's own period does not count as taking them: the run replaces it.
 */
export async function pendingAdjustments(db: Db | Tx, inputs: RunInputs): Promise<PendingSource[]> {
  const payments = invoicedPayments(inputs.version.program, inputs.period).map((payment) => payment.code);
  const sources = await queryRows<SourceRow>(
    db,
    sql`select i.id, i.run_id, i.org_unit_id, i.period, i.payment, i.programme_version, i.carried_forward::text,
               (i.amount + i.carried_forward - coalesce((select sum(o.amount) from invoice_adjustments o
                  where o.programme_id = i.programme_id and o.invoice_id = i.id), 0))::text as base
        from invoices i
        where i.programme_id = ${inputs.programmeId} and ${CURRENT_INVOICE} and i.status in ('approved', 'ordered', 'paid')
          and i.org_unit_id = any(${arrayParam(inputs.subtree, 'text')}) and i.payment = any(${arrayParam(payments, 'text')})
          and i.period collate "C" < ${inputs.period.id}
          and (i.carried_forward < 0 or exists (select 1 from corrections c where c.programme_id = i.programme_id and c.org_unit_id = i.org_unit_id))
        order by i.id`,
  );
  if (sources.length === 0) return [];
  const [lines, corrections, gates] = await Promise.all([
    appliedLines(db, inputs, sources.map((source) => source.id)),
    correctionsOf(db, inputs.programmeId, [...new Set(sources.map((source) => source.org_unit_id))]),
    gatesBySource(db, inputs.programmeId, sources),
  ]);
  return sources.flatMap((source) => {
    const paid = gates.get(source.id)!;
    const own = lines.filter((line) => line.source_invoice_id === source.id);
    const corrected = own.filter((line) => line.kind === 'correction');
    const read = corrections.filter((row) => row.orgUnitId === source.org_unit_id && paid.has(`${row.package}\u0000${row.period}`));
    const applied = new Set(corrected.flatMap((line) => line.correction_ids));
    const pending = read.filter((row) => !applied.has(row.id)).map((row) => row.id);
    const carry = !own.some((line) => line.kind === 'carried') && new Decimal(source.carried_forward).isNegative() ? source.carried_forward : null;
    if (pending.length === 0 && carry === null) return [];
    return [
      {
        invoiceId: source.id,
        runId: source.run_id,
        orgUnitId: source.org_unit_id,
        period: source.period,
        payment: source.payment,
        base: source.base,
        adjusted: sumMoney(corrected.map((line) => line.amount)).toFixed(),
        corrections: read.map(({ id, period, package: pkg, values }) => ({ id, period, package: pkg, values })),
        pending,
        carry,
      },
    ];
  });
}

/** A fingerprint of what is pending, folded into the run's inputs hash: a new correction makes a new run. */
export function pendingKey(pending: readonly PendingSource[]): unknown[] {
  return pending.map((source) => [source.invoiceId, source.pending, source.carry, source.adjusted]);
}

interface LineRow {
  source_invoice_id: number;
  kind: 'correction' | 'carried';
  correction_ids: number[];
  amount: string;
}

/** Lines on current invoices taken from these sources, except on the prepared invoices of the run's period it replaces. */
function appliedLines(db: Db | Tx, inputs: RunInputs, sourceIds: readonly number[]): Promise<LineRow[]> {
  return queryRows<LineRow>(
    db,
    sql`select a.source_invoice_id, a.kind, a.correction_ids, a.amount::text from invoice_adjustments a
        join invoices i on i.programme_id = a.programme_id and i.id = a.invoice_id
        where a.programme_id = ${inputs.programmeId} and a.source_invoice_id = any(${arrayParam(sourceIds, 'int4')})
          and ${CURRENT_INVOICE} and not (i.status = 'prepared' and i.period = ${inputs.period.id})`,
  );
}

async function correctionsOf(db: Db | Tx, programmeId: string, units: readonly string[]): Promise<(CorrectionRow & { orgUnitId: string })[]> {
  return db
    .select({ id: corrections.id, orgUnitId: corrections.orgUnitId, period: corrections.period, package: corrections.package, values: corrections.values })
    .from(corrections)
    .where(and(eq(corrections.programmeId, programmeId), inArray(corrections.orgUnitId, [...units])))
    .orderBy(asc(corrections.id));
}

/** The package periods each source invoice paid, under the version it used, as `package␀period`. */
async function gatesBySource(db: Db | Tx, programmeId: string, sources: readonly SourceRow[]): Promise<Map<number, Set<string>>> {
  const versions = new Map<number, ProgrammeVersion>();
  for (const number of new Set(sources.map((source) => source.programme_version))) versions.set(number, await versionByNumber(db, programmeId, number));
  return new Map(
    sources.map((source) => [
      source.id,
      new Set(packagePeriods(versions.get(source.programme_version)!.program, source.payment, invoicePeriod(source.period)).map((gate) => `${gate.package}\u0000${gate.period}`)),
    ]),
  );
}
