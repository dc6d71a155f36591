import type { EngineError, RunResult } from '../../engine/index.ts';
import { run, type PreparedInputs } from '../../engine/pipeline.ts';
import { roundMoney } from '../money.ts';
import { prepareEngine } from './engineInputs.ts';
import { INVOICEABLE, statusKey, type RunInputs } from './loadRunInputs.ts';
import { invoicedPayments, packagePeriods } from './periods.ts';

export interface ComputedInvoice {
  readonly orgUnitId: string;
  readonly payment: string;
  /** Rounded to the currency's decimals; with adjustment lines, what the invoice pays (see applyAdjustments.ts). */
  readonly amount: string;
  /** With adjustment lines whose sum took the total below 0: the remainder, carried to the next invoice. */
  readonly carriedForward?: string;
}

/** An invoice not written because a package period it pays is not validated yet. */
export interface SkippedInvoice {
  readonly orgUnitId: string;
  readonly payment: string;
  readonly pending: readonly { readonly package: string; readonly period: string; readonly status: string }[];
}

export type Computation =
  | { readonly ok: false; readonly errors: readonly EngineError[]; readonly errorCount: number }
  | {
      readonly ok: true;
      readonly result: RunResult;
      readonly invoices: ComputedInvoice[];
      readonly skipped: SkippedInvoice[];
      /** Engine errors at units the run does not invoice: kept with the run, they do not fail it. */
      readonly warnings: readonly EngineError[];
    };

/** A run's formula values in columns, NaN where a value failed: what a run stores, and what a worker thread sends back whole. */
export interface FormulaValues {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** A computation as it is written: the engine's result reduced to the formula values stored. */
export type StorableComputation =
  | Extract<Computation, { ok: false }>
  | (Omit<Extract<Computation, { ok: true }>, 'result'> & { readonly values: FormulaValues });

export function storable(computation: Extract<Computation, { ok: true }>): Extract<StorableComputation, { ok: true }>;
export function storable(computation: Computation): StorableComputation;
export function storable(computation: Computation): StorableComputation {
  if (!computation.ok) return computation;
  const { result, ...rest } = computation;
  return { ...rest, values: formulaValues(result) };
}

function formulaValues(result: RunResult): FormulaValues {
  const units: string[] = [];
  const periods: string[] = [];
  const names: string[] = [];
  const values: number[] = [];
  for (const value of result.values({ formulasOnly: true })) {
    units.push(value.orgUnit);
    periods.push(value.period);
    names.push(value.name);
    values.push(value.value);
  }
  return { units, periods, names, values: Float64Array.from(values) };
}

/**
 * Runs the engine over every unit of the subtree and reads each payment's amount for the
 * run's period. Units whose packages are not all validated are skipped, not invoiced. An
 * engine error at a unit being invoiced fails the whole run; one at a unit that is not
 * (no data yet, say) does not hold up the others.
 */
export function computeInvoices(
  inputs: RunInputs,
  options: { workflowGates?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Computation {
  const { prepared, errors } = prepareEngine(inputs.version.program, inputs.orgUnits, inputs.data);
  if (!prepared) return { ok: false, errors, errorCount: errors.length };
  const result = run(prepared, { orgUnits: inputs.subtree, periods: [inputs.period.id] }, options.onProgress ? { onProgress: options.onProgress } : {});
  const { invoices, skipped } = amountsDue(inputs, prepared, result, options.workflowGates ?? true);
  const invoiced = new Set(invoices.map((invoice) => invoice.orgUnitId));
  // Errors beyond those the engine kept in full cannot be located: then every error counts.
  const complete = result.errors.length === result.errorCount;
  const blocking = result.errors.filter((error) => !complete || error.orgUnit === undefined || invoiced.has(error.orgUnit));
  if (blocking.length > 0) return { ok: false, errors: blocking, errorCount: complete ? blocking.length : result.errorCount };
  return { ok: true, result, invoices, skipped, warnings: result.errors };
}

/**
 * Each payment's rounded amount at every unit whose package periods are validated; the other
 * units, skipped. Without gates (a dry run of new rules) every unit's amount is read.
 */
function amountsDue(
  inputs: RunInputs,
  prepared: PreparedInputs,
  result: RunResult,
  gated: boolean,
): { invoices: ComputedInvoice[]; skipped: SkippedInvoice[] } {
  const program = inputs.version.program;
  const invoices: ComputedInvoice[] = [];
  const skipped: SkippedInvoice[] = [];
  for (const payment of invoicedPayments(program, inputs.period)) {
    const compiled = prepared.compiled.payments.find((candidate) => candidate.checked.payment.code === payment.code)!;
    const formula = compiled.checked.amount;
    const paid = result.paymentRuns.find((candidate) => candidate.compiled === compiled && candidate.period.id === inputs.period.id);
    if (!formula || !paid) continue;
    const gates = packagePeriods(program, payment.code, inputs.period);
    for (const unit of paid.units) {
      const orgUnitId = prepared.tree.id(unit);
      const pending = (gated ? gates : [])
        .map((gate) => ({ ...gate, status: inputs.statuses.get(statusKey(orgUnitId, gate.period, gate.package))?.status ?? 'open' }))
        .filter((gate) => !INVOICEABLE.has(gate.status));
      if (pending.length > 0) {
        skipped.push({ orgUnitId, payment: payment.code, pending });
        continue;
      }
      const value = result.value(orgUnitId, inputs.period.id, `${payment.code}.${formula}`)!;
      invoices.push({ orgUnitId, payment: payment.code, amount: roundMoney(value, inputs.currencyDecimals).toFixed(inputs.currencyDecimals) });
    }
  }
  return { invoices, skipped };
}
