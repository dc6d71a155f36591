import { sql } from 'drizzle-orm';
import type { EngineError } from '../../engine/index.ts';
import type { Tx } from '../../store/database.ts';
import { invoiceRuns } from '../../store/schema.ts';
import type { CopyCell } from '../../store/copy.ts';
import { arrayParam, insertColumns, queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { storedMoney } from '../money.ts';
import { advanceStatus, type StatusKey } from './advanceStatus.ts';
import type { ComputedInvoice, FormulaValues, SkippedInvoice } from './computeInvoices.ts';
import { runErrorDetails } from './failRun.ts';
import { statusKey, type RunInputs } from './loadRunInputs.ts';
import { packagePeriods } from './periods.ts';
import { CURRENT_INVOICE } from './current.ts';
import { writeAdjustments } from '../adjustments/applyAdjustments.ts';
import type { AdjustmentLine } from '../adjustments/priceAdjustments.ts';
import type { KeptInvoice } from './readRun.ts';

export interface RunHooks {
  /** Called inside the run's transaction after each batch of rows is written (the fault test stops the process there). */
  readonly afterBatch?: (table: string, rows: number) => Promise<void>;
}

export interface RunWrite {
  readonly inputs: RunInputs;
  readonly values: FormulaValues;
  readonly invoices: readonly ComputedInvoice[];
  readonly skipped: readonly SkippedInvoice[];
  readonly warnings: readonly EngineError[];
  /** Lines of earlier periods the run's invoices carry (corrections, remainders); their amounts are in `invoices`. */
  readonly adjustments?: readonly AdjustmentLine[];
  readonly startedAt: Date;
}

const pairKey = (orgUnitId: string, payment: string) => `${orgUnitId}\u0000${payment}`;

/**
 * Writes a completed run in the caller's transaction: the run, the inputs it read, every
 * formula value, one invoice per unit and payment (replacing prepared ones, leaving
 * approved ones), and the units' move to `invoiced`. Returns the run's id.
 */
export async function writeRun(tx: Tx, actor: Actor, write: RunWrite, hooks: RunHooks = {}): Promise<number> {
  const { inputs } = write;
  const kept = await keptInvoices(tx, write);
  const keptKeys = new Set(kept.map((invoice) => pairKey(invoice.orgUnitId, invoice.payment)));
  const invoices = write.invoices.filter((invoice) => !keptKeys.has(pairKey(invoice.orgUnitId, invoice.payment)));
  const gates = invoices.flatMap((invoice) =>
    packagePeriods(inputs.version.program, invoice.payment, inputs.period).map((gate) => ({ orgUnitId: invoice.orgUnitId, ...gate })),
  );
  await checkStatusesUnchanged(tx, inputs, gates);
  const [run] = await tx
    .insert(invoiceRuns)
    .values({
      programmeId: inputs.programmeId,
      rootOrgUnitId: inputs.rootOrgUnitId,
      period: inputs.period.id,
      programmeVersion: inputs.version.version,
      inputsHash: inputs.hash,
      status: 'completed',
      errors: runErrorDetails(write.warnings),
      orgUnits: inputs.orgUnits,
      excluded: { skipped: write.skipped, kept },
      startedBy: actor.userId,
      startedAt: write.startedAt,
    })
    .returning({ id: invoiceRuns.id });
  const runId = run!.id;
  const constants = { programme_id: inputs.programmeId, run_id: runId };
  await writeInputs(tx, inputs, constants, hooks);
  await writeValues(tx, write.values, constants, hooks);
  const superseded = await supersede(tx, inputs, runId, invoices);
  await insertColumns(
    tx,
    'invoices',
    [
      { name: 'org_unit_id', values: invoices.map((invoice) => invoice.orgUnitId) },
      { name: 'payment', values: invoices.map((invoice) => invoice.payment) },
      { name: 'amount', values: invoices.map((invoice) => invoice.amount) },
      { name: 'carried_forward', values: invoices.map((invoice) => invoice.carriedForward ?? '0') },
    ],
    {
      constants: { ...constants, period: inputs.period.id, programme_version: inputs.version.version, prepared_by: actor.userId, status: 'prepared' },
      afterBatch: (rows) => hooks.afterBatch?.('invoices', rows) ?? Promise.resolve(),
    },
  );
  const adjusted = await writeAdjustments(tx, inputs.programmeId, runId, write.adjustments ?? []);
  const advanced = await advanceStatus(tx, actor.userId, inputs.programmeId, gates, 'invoiced');
  await recordAudit(tx, {
    programmeId: inputs.programmeId,
    userId: actor.userId,
    action: 'run',
    entity: 'invoice_run',
    entityKey: String(runId),
    orgUnitId: inputs.rootOrgUnitId,
    oldValue: superseded.length > 0 ? { supersededInvoices: superseded } : null,
    newValue: {
      status: 'completed',
      rootOrgUnitId: inputs.rootOrgUnitId,
      period: inputs.period.id,
      programmeVersion: inputs.version.version,
      inputsHash: inputs.hash,
      invoices: invoices.length,
      skipped: write.skipped.length,
      kept: kept.length,
      adjustmentLines: adjusted,
      engineErrorsAtUnitsNotInvoiced: write.warnings.length,
      statusesInvoiced: advanced,
    },
  });
  return runId;
}

/** Current invoices of the scope already approved, ordered or paid: a run must not change them. */
async function keptInvoices(tx: Tx, write: RunWrite): Promise<KeptInvoice[]> {
  const { inputs } = write;
  const rows = await queryRows<{ id: number; org_unit_id: string; payment: string; status: string; amount: string }>(
    tx,
    sql`select id, org_unit_id, payment, status, amount from invoices i
        where programme_id = ${inputs.programmeId} and period = ${inputs.period.id} and ${CURRENT_INVOICE}
          and status <> 'prepared' and org_unit_id = any(${arrayParam(inputs.subtree, 'text')})
        order by id`,
  );
  const computed = new Map(write.invoices.map((invoice) => [pairKey(invoice.orgUnitId, invoice.payment), invoice.amount]));
  return rows.map((row) => ({
    invoiceId: row.id,
    orgUnitId: row.org_unit_id,
    payment: row.payment,
    status: row.status,
    amount: row.amount,
    computedAmount: storedMoney(computed.get(pairKey(row.org_unit_id, row.payment)) ?? row.amount),
  }));
}

/**
 * The statuses read before computing must still hold: a period unlocked (and perhaps
 * edited and validated again) meanwhile would make the invoice stale. Locks them until commit.
 */
async function checkStatusesUnchanged(tx: Tx, inputs: RunInputs, gates: readonly StatusKey[]): Promise<void> {
  if (gates.length === 0) return;
  const rows = await queryRows<{ org_unit_id: string; period: string; package: string; status: string; version: number }>(
    tx,
    sql`select s.org_unit_id, s.period, s.package, s.status, s.version from period_status s
        join unnest(${arrayParam(gates.map((g) => g.orgUnitId), 'text')}, ${arrayParam(gates.map((g) => g.period), 'text')},
                    ${arrayParam(gates.map((g) => g.package), 'text')}) as k(unit, period, package)
          on s.org_unit_id = k.unit and s.period = k.period and s.package = k.package
        where s.programme_id = ${inputs.programmeId}
        for update of s`,
  );
  const now = new Map(rows.map((row) => [statusKey(row.org_unit_id, row.period, row.package), row]));
  const changed = gates.filter((gate) => {
    const before = inputs.statuses.get(statusKey(gate.orgUnitId, gate.period, gate.package));
    const after = now.get(statusKey(gate.orgUnitId, gate.period, gate.package));
    return !before || !after || before.status !== after.status || before.version !== after.version;
  });
  if (changed.length > 0) {
    const first = changed[0]!;
    throw errors.conflict(
      `the workflow status of '${first.orgUnitId}' ${first.period} package '${first.package}' changed while the run was computing; run it again`,
      changed,
    );
  }
}

async function writeInputs(tx: Tx, inputs: RunInputs, constants: Record<string, CopyCell>, hooks: RunHooks): Promise<void> {
  const { data } = inputs;
  await insertColumns(
    tx,
    'invoice_run_inputs',
    [
      { name: 'org_unit_id', values: data.map((row) => row.orgUnit) },
      { name: 'period', values: data.map((row) => row.period) },
      { name: 'activity', values: data.map((row) => row.activity) },
      { name: 'state', values: data.map((row) => row.state) },
      { name: 'value', values: data.map((row) => row.value) },
    ],
    { constants, afterBatch: (rows) => hooks.afterBatch?.('invoice_run_inputs', rows) ?? Promise.resolve() },
  );
}

async function writeValues(tx: Tx, values: FormulaValues, constants: Record<string, CopyCell>, hooks: RunHooks): Promise<void> {
  await insertColumns(
    tx,
    'invoice_run_values',
    [
      { name: 'org_unit_id', values: values.units },
      { name: 'period', values: values.periods },
      { name: 'name', values: values.names },
      { name: 'value', values: Array.from(values.values, (value) => (Number.isFinite(value) ? value : null)) },
    ],
    { constants, afterBatch: (rows) => hooks.afterBatch?.('invoice_run_values', rows) ?? Promise.resolve() },
  );
}

/** Marks the current prepared invoices the run replaces; returns their ids. */
async function supersede(tx: Tx, inputs: RunInputs, runId: number, invoices: readonly ComputedInvoice[]): Promise<number[]> {
  if (invoices.length === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`update invoices i set superseded_by = ${runId}
        from unnest(${arrayParam(invoices.map((i) => i.orgUnitId), 'text')}, ${arrayParam(invoices.map((i) => i.payment), 'text')}) as k(unit, payment)
        where i.programme_id = ${inputs.programmeId} and i.period = ${inputs.period.id} and ${CURRENT_INVOICE}
          and i.status = 'prepared' and i.org_unit_id = k.unit and i.payment = k.payment
        returning i.id`,
  );
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
