import type { Db, Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { computeInvoices } from './computeInvoices.ts';
import { failRun, runFailed } from './failRun.ts';
import { loadRunInputs, type RunInputs } from './loadRunInputs.ts';
import { lockInvoices } from './lock.ts';
import { invoicePeriod } from './periods.ts';
import { latestRun, readRun, summarise, type RunSummary } from './readRun.ts';
import { writeRun, type RunHooks } from './writeRun.ts';
import { transaction } from '../../store/transaction.ts';

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

/**
 * Computes and stores the invoices of a subtree for a period. Inputs are read and the
 * engine runs outside any transaction; everything is then written in one transaction, so
 * a run is stored whole or not at all. Re-running an unchanged scope returns the stored run.
 */
export async function runInvoices(db: Db, actor: Actor, props: RunInvoicesProps, hooks: RunHooks = {}): Promise<RunAnswer> {
  const period = invoicePeriod(props.period);
  const startedAt = new Date();
  const inputs = await loadRunInputs(db, { programmeId: props.programmeId, rootOrgUnitId: props.orgUnitId, period });
  const existing = await sameRun(db, inputs);
  if (existing) return existing;
  const computation = computeInvoices(inputs);
  if (!computation.ok) throw await failRun(db, actor, inputs, computation, startedAt);
  return transaction(db, async (tx) => {
    await lockInvoices(tx, inputs.programmeId);
    const concurrent = await sameRun(tx, inputs);
    if (concurrent) return concurrent;
    const runId = await writeRun(tx, actor, { inputs, ...computation, startedAt }, hooks);
    return { created: true, run: await readRun(tx, inputs.programmeId, runId) };
  });
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
    const details = latest.errors as { message: string }[];
    throw runFailed(scopeOf(inputs), latest.id, details, details.length);
  }
  const completed = latest?.status === 'completed' ? latest : await latestRun(db, scopeOf(inputs), { completedOnly: true });
  if (!completed || !same(completed)) return undefined;
  return { created: false, run: await summarise(db, completed) };
}
