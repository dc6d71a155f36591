import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { QUANTITY_STATES, type QuantityState } from '../../contract/workflow.ts';
import { activitiesOf, type ProgrammeFacts } from './programmeFacts.ts';
import type { MonthRange } from './range.ts';

export interface QuantityFilter {
  readonly programmeId: string;
  readonly units: readonly string[];
  readonly range: MonthRange;
  readonly facts: ProgrammeFacts;
  /** One quantity package; all of them when absent. */
  readonly package?: string | undefined;
}

export type StateTotals = Record<QuantityState, number>;

export interface QuantityPoint extends StateTotals {
  readonly period: string;
  readonly package: string;
}

export const noTotals = (): StateTotals => ({ declared: 0, verified: 0, validated: 0 });

/**
 * Sums of the entered quantities of the range's months per state and either per month and
 * activity (activities then add up to their package) or per unit: one GROUP BY on columns
 * of the primary key, read through the (programme, period) index.
 */
export function quantitySums(filter: QuantityFilter, by: 'period' | 'org_unit_id') {
  const keys = by === 'period' ? sql`period as key, activity` : sql`org_unit_id as key, null as activity`;
  return sql`
    select ${keys}, state, sum(value)::float8 as total
    from data_values
    where programme_id = ${filter.programmeId} and period = any(${arrayParam(filter.range.months, 'text')})
      and state = any(${arrayParam(QUANTITY_STATES, 'text')})
      and activity = any(${arrayParam(activitiesOf(filter.facts, filter.package), 'text')})
      and org_unit_id = any(${arrayParam(filter.units, 'text')})
    group by 1, 2, 3`;
}

export interface SumRow {
  readonly key: string;
  /** Null for sums per unit. */
  readonly activity: string | null;
  readonly state: QuantityState;
  readonly total: number;
}

/** Declared, verified and validated quantities per month and package, summed over the activities of the package. */
export async function quantityOverTime(db: Db, filter: QuantityFilter): Promise<{ items: QuantityPoint[] }> {
  const rows = await queryRows<SumRow>(db, quantitySums(filter, 'period'));
  const points = new Map<string, QuantityPoint & StateTotals>();
  for (const row of rows) {
    const pkg = filter.facts.quantityActivities.get(row.activity!)!;
    const key = `${row.key}\u0000${pkg}`;
    let point = points.get(key);
    if (!point) points.set(key, (point = { period: row.key, package: pkg, ...noTotals() }));
    point[row.state] += row.total;
  }
  const items = [...points.values()].sort((a, b) => a.period.localeCompare(b.period) || a.package.localeCompare(b.package));
  return { items };
}
