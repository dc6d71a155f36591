import { valueKey, type RulesPackage, type StoredValue } from '../entry/api.ts';
import { sum } from '../entry/totals.ts';
import { QUANTITY_STATES, type QuantityState } from '../../../src/contract/workflow.ts';

/** The three figures the committee weighs; a state the package has no value for is absent. */
export type Totals = Partial<Record<QuantityState, number>>;

/** A package's totals per state, over its own activities. */
export function totalsOf(values: readonly StoredValue[], pkg: RulesPackage): Totals {
  const activities = new Set(pkg.activities.map((activity) => activity.code));
  const totals: Totals = {};
  for (const state of QUANTITY_STATES) {
    if (!pkg.inputs.includes(state)) continue;
    const found = values.filter((value) => value.state === state && activities.has(value.activity));
    if (found.length > 0) totals[state] = sum(found.map((value) => value.value));
  }
  return totals;
}

export interface Discrepancy {
  /** Declared minus verified. */
  readonly difference: number;
  /** The difference over verified; absent when nothing was verified (no base to compare to). */
  readonly ratio?: number;
}

export function discrepancy(declared: number | undefined, verified: number | undefined): Discrepancy | undefined {
  if (declared === undefined || verified === undefined) return undefined;
  const difference = sum([declared, -verified]);
  return verified > 0 ? { difference, ratio: difference / verified } : { difference };
}

/** One activity's discrepancy, from a sheet's values. */
export function activityDiscrepancy(stored: ReadonlyMap<string, StoredValue>, activity: string): Discrepancy | undefined {
  return discrepancy(stored.get(valueKey(activity, 'declared'))?.value, stored.get(valueKey(activity, 'verified'))?.value);
}
