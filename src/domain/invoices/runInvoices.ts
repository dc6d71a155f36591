import { sql } from 'drizzle-orm';
import type { RunError } from '../../contract/api/invoiceRuns.ts';
import type { Db, Tx } from '../../store/database.ts';
import { queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { computeInvoices, storable, type StorableComputation } from './computeInvoices.ts';
import { failRun, runFailed } from './failRun.ts';
import { loadRunInputs, type RunInputs } from './loadRunInputs.ts';
import { lockInvoices } from './lock.ts';
import { invoicePeriod } from './periods.ts';
import { latestRun, readRun, summarise, type RunSummary } from './readRun.ts';
import { writeRun, type RunHooks } from './writeRun.ts';
import type { ReportProgress } from '../jobs/jobRunner.ts';
import { transaction } from '../../store/transaction.ts';
import { withAdjustments } from '../adjustments/applyAdjustments.ts';
import { pendingAdjustments, pendingKey, type PendingSource } from '../adjustments/pendingAdjustments.ts';
import { priceAdjustments } from '../adjustments/priceAdjustments.ts';
import { sha256Lines } from '../canonical.ts';
import { errors } from '../errors.ts';

export interface RunInvoicesProps {
  readonly programmeId: string;
  /** The root of the subtree to invoice. */
  readonly orgUnitId: string;
  /** A month (202401) or a quarter (2024Q1). */
  readonly period: string;
}

export interface RunAnswer {
  /** False when the same scope was already run with the same version and inputs: nothing was written. */
  readonly created: boolean;
  readonly run: RunSummary;
}

/** Runs the engine over a run's inputs: here, or in a worker thread (runOffThread.ts). */
export type ComputeRun = (inputs: RunInputs, onProgress: (done: number, total: number) => void) => Promise<StorableComputation>;

export interface RunOptions extends RunHooks {
  /** Told each step and how far the engine got (a job's progress). */
  readonly report?: ReportProgress;
  /** Where the engine runs; on this thread by default. */
  readonly compute?: ComputeRun;
}

const computeHere: ComputeRun = async (inputs, onProgress) => storable(computeInvoices(inputs, { onProgress }));

/**
 * Computes and stores the invoices of a subtree for a period. Inputs are read and the
 * engine runs outside any transaction; everything is then written in one transaction, so
 * a run is stored whole or not at all. Re-running an unchanged scope returns the stored run.
 */
export async function runInvoices(db: Db, actor: Actor, props: RunInvoicesProps, options: RunOptions = {}): Promise<RunAnswer> {
  const { report = async () => undefined, compute = computeHere, ...hooks } = options;
  const period = invoicePeriod(props.period);
  const startedAt = new Date();
  void report('reading', 0, 0);
  const loaded = await loadRunInputs(db, { programmeId: props.programmeId, rootOrgUnitId: props.orgUnitId, period });
  const inputs = withPending(loaded, await pendingAdjustments(db, loaded));
  const existing = await sameRun(db, inputs);
  if (existing) return existing;
  void report('computing', 0, inputs.subtree.length);
  const computation = await compute(inputs, (done, total) => void report('computing', done, total));
  if (!computation.ok) throw await failRun(db, actor, inputs, computation, startedAt);
  void report('writing', 0, 0);
  return transaction(db, async (tx) => {
    await lockInvoices(tx, inputs.programmeId);
    const concurrent = await sameRun(tx, inputs);
    if (concurrent) return concurrent;
    const pending = await pendingAdjustments(tx, loaded);
    if (withPending(loaded, pending).hash !== inputs.hash) {
      throw errors.conflict(`corrections or adjustments of the scope changed while the run of ${inputs.period.id} was computing; run it again`);
    }
    const adjustments = await priceAdjustments(tx, inputs.programmeId, inputs.currencyDecimals, pending);
    const invoices = withAdjustments(computation.invoices, adjustments, inputs.currencyDecimals);
    const runId = await writeRun(tx, actor, { inputs, ...computation, invoices, adjustments, startedAt }, hooks);
    return { created: true, run: await readRun(tx, inputs.programmeId, runId) };
  });
}

/** Whether the approver rejected an invoice of the run: running its inputs again writes new ones, never answers it. */
async function hasRejected(db: Db | Tx, programmeId: string, runId: number): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from invoices where programme_id = ${programmeId} and run_id = ${runId} and rejected_at is not null limit 1`,
  );
  return rows.length > 0;
}

/**
 * The inputs with what the run must carry folded into their hash: a correction recorded, or
 * a line released by a rejection, makes the same scope a new run. Nothing pending, the hash
 * is the inputs' own.
 */
function withPending(inputs: RunInputs, pending: readonly PendingSource[]): RunInputs {
  if (pending.length === 0) return inputs;
  return { ...inputs, hash: sha256Lines([inputs.hash, ...pendingKey(pending)]) };
}

const scopeOf = (inputs: RunInputs) => ({ programmeId: inputs.programmeId, rootOrgUnitId: inputs.rootOrgUnitId, period: inputs.period.id });

const sameInputs = (inputs: RunInputs) => (run: { programmeVersion: number; inputsHash: string }) =>
  run.programmeVersion === inputs.version.version && run.inputsHash === inputs.hash;

/**
 * The stored answer for inputs already run: the latest completed run of the scope when it
 * read the same version and inputs; the same 422 when the latest attempt failed on them.
 */
async function sameRun(db: Db | Tx, inputs: RunInputs): Promise<RunAnswer | undefined> {
  const same = sameInputs(inputs);
  const latest = await latestRun(db, scopeOf(inputs));
  if (latest && latest.status === 'failed' && same(latest)) {
    // Stored by failRun: the run's errors as runErrorDetails made them.
    const details = latest.errors as RunError[];
    throw runFailed(scopeOf(inputs), latest.id, details, details.length);
  }
  const completed = latest?.status === 'completed' ? latest : await latestRun(db, scopeOf(inputs), { completedOnly: true });
  if (!completed || !same(completed) || (await hasRejected(db, inputs.programmeId, completed.id))) return undefined;
  return { created: false, run: await summarise(db, completed) };
}
