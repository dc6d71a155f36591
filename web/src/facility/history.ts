import type { readSheet } from '../../../src/contract/api/dataValues.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { QUANTITY_STATES, type QuantityState } from '../../../src/contract/workflow.ts';
import { monthPeriod, parsePeriod } from '../../../src/engine/model/period.ts';

type Sheet = Answer<typeof readSheet>;

/** What the history reads of a package's status and of a month's sheet (GET /data-values, src/contract/api/dataValues.ts). */
export type PackageStatus = Pick<Sheet['packages'][number], 'package' | 'period' | 'status' | 'locked' | 'updatedBy' | 'updatedAt'>;

export interface MonthSheet {
  readonly period: Sheet['period'];
  readonly packages: readonly PackageStatus[];
  readonly values: readonly Pick<Sheet['values'][number], 'activity' | 'state' | 'value'>[];
}

export interface MonthTotals {
  readonly period: string;
  /** The sum over the activities chosen; null when no value of the state was entered. */
  readonly declared: number | null;
  readonly verified: number | null;
  readonly validated: number | null;
  /** Σ|declared − verified| / Σ verified over activities holding both, as risk classes measure it. */
  readonly gap: number | null;
}

/** The `count` months ending with `last` (a DHIS2 month), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const end = parsePeriod(last)!.firstMonth;
  return Array.from({ length: count }, (_, i) => monthPeriod(end - count + 1 + i).id);
}

/** The first month some version of the rules is in force: earlier months hold no data. */
export function firstMonthInForce(effectiveFroms: readonly string[]): string | undefined {
  const months = effectiveFroms.map((id) => parsePeriod(id)?.firstMonth).filter((month): month is number => month !== undefined);
  return months.length === 0 ? undefined : monthPeriod(Math.min(...months)).id;
}

export function activitiesOf(sheets: Iterable<MonthSheet>): string[] {
  const codes = new Set<string>();
  for (const sheet of sheets) for (const value of sheet.values) if ((QUANTITY_STATES as readonly string[]).includes(value.state)) codes.add(value.activity);
  return [...codes].sort();
}

/** Per month, the quantities of one activity (or of all) in each state, and their gap. */
export function totalsByMonth(months: readonly string[], sheets: ReadonlyMap<string, MonthSheet>, activity?: string): MonthTotals[] {
  return months.map((period) => {
    const byActivity = new Map<string, Partial<Record<QuantityState, number>>>();
    for (const value of sheets.get(period)?.values ?? []) {
      if (activity !== undefined && value.activity !== activity) continue;
      if (!(QUANTITY_STATES as readonly string[]).includes(value.state)) continue;
      byActivity.set(value.activity, { ...byActivity.get(value.activity), [value.state]: value.value });
    }
    const sum = (state: QuantityState) => {
      const values = [...byActivity.values()].flatMap((states) => (states[state] === undefined ? [] : [states[state]]));
      return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
    };
    const both = [...byActivity.values()].filter((states) => states.declared !== undefined && states.verified !== undefined);
    const difference = both.reduce((total, states) => total + Math.abs(states.declared! - states.verified!), 0);
    const base = both.reduce((total, states) => total + states.verified!, 0);
    // As the classification does: nothing confirmed of something declared is a total gap.
    const gap = both.length === 0 ? null : base === 0 ? (difference === 0 ? 0 : 1) : difference / base;
    return { period, declared: sum('declared'), verified: sum('verified'), validated: sum('validated'), gap };
  });
}

/** Each package's status once per period it is tracked in (a quarter appears in each of its months' sheets), newest first. */
export function statusesOf(sheets: Iterable<MonthSheet>): PackageStatus[] {
  const unique = new Map<string, PackageStatus>();
  for (const sheet of sheets) for (const status of sheet.packages) unique.set(`${status.period}\u0000${status.package}`, status);
  const start = (id: string) => parsePeriod(id)?.firstMonth ?? 0;
  return [...unique.values()].sort((a, b) => start(b.period) - start(a.period) || a.period.localeCompare(b.period) || a.package.localeCompare(b.package));
}
