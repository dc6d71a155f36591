import { and, eq, inArray } from 'drizzle-orm';
import type { OrgUnitInput, RunResult } from '../../engine/index.ts';
import { run } from '../../engine/pipeline.ts';
import type { Db, Tx } from '../../store/database.ts';
import { invoiceRunInputs, invoiceRuns } from '../../store/schema.ts';
import { versionByNumber, type ProgrammeVersion } from '../programmes.ts';
import { prepareEngine } from './engineInputs.ts';
import type { EnteredValue } from './loadRunInputs.ts';
import type { Invoice } from './readInvoice.ts';

export interface Recomputed {
  readonly result: RunResult;
  readonly version: ProgrammeVersion;
  /** The run's period (the invoice's). */
  readonly period: string;
  /** The name of the invoice's amount: `payment.formula`. */
  readonly amountName: string;
}

/**
 * Runs the engine again for an invoice's unit from what its run stored — the inputs, the org
 * units and the version it used — with `overlay` replacing or adding entered values (the
 * figures of corrections). Without an overlay it gives the run's own values.
 */
export async function recomputeInvoice(
  db: Db | Tx,
  programmeId: string,
  invoice: Pick<Invoice, 'runId' | 'orgUnitId' | 'payment'>,
  overlay: readonly EnteredValue[] = [],
): Promise<Recomputed> {
  const [runRow] = await db
    .select()
    .from(invoiceRuns)
    .where(and(eq(invoiceRuns.programmeId, programmeId), eq(invoiceRuns.id, invoice.runId)));
  const version = await versionByNumber(db, programmeId, runRow!.programmeVersion);
  const units = runRow!.orgUnits as OrgUnitInput[];
  const stored = await db
    .select({ orgUnit: invoiceRunInputs.orgUnitId, period: invoiceRunInputs.period, activity: invoiceRunInputs.activity, state: invoiceRunInputs.state, value: invoiceRunInputs.value })
    .from(invoiceRunInputs)
    .where(
      and(
        eq(invoiceRunInputs.programmeId, programmeId),
        eq(invoiceRunInputs.runId, invoice.runId),
        inArray(invoiceRunInputs.orgUnitId, withDescendants(units, invoice.orgUnitId)),
      ),
    );
  const { prepared } = prepareEngine(version.program, units, withOverlay(stored, overlay));
  if (!prepared) throw new Error(`invoice run ${invoice.runId} can no longer be prepared from its stored inputs`);
  const result = run(prepared, { orgUnits: [invoice.orgUnitId], periods: [runRow!.period] });
  const payment = prepared.compiled.payments.find((candidate) => candidate.checked.payment.code === invoice.payment)!;
  return { result, version, period: runRow!.period, amountName: `${invoice.payment}.${payment.checked.amount}` };
}

const valueKey = (row: EnteredValue) => `${row.orgUnit}\u0000${row.period}\u0000${row.activity}\u0000${row.state}`;

/** The stored inputs with the overlay's values in place of those of the same key. */
function withOverlay(stored: readonly EnteredValue[], overlay: readonly EnteredValue[]): EnteredValue[] {
  if (overlay.length === 0) return [...stored];
  const replaced = new Set(overlay.map(valueKey));
  return [...stored.filter((row) => !replaced.has(valueKey(row))), ...overlay];
}

/** A unit and every unit below it in a stored tree: what a zone package at the unit reads. */
function withDescendants(units: readonly OrgUnitInput[], root: string): string[] {
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parent) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit.id]);
  const found: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    found.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}
