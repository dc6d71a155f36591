import { sql } from 'drizzle-orm';
import { parsePeriod } from '../../engine/model/period.ts';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { periodDays } from '../verification/periods.ts';
import { periodEndSql } from '../payments/reportSql.ts';
import type { MonthRange } from './range.ts';
import type { DashboardScope, ScopeUnit } from './scope.ts';

export interface ReportingFilter {
  readonly programmeId: string;
  readonly scope: DashboardScope;
  readonly range: MonthRange;
  /** A declaration is on time when its last value was entered within this many days after the month ended. */
  readonly withinDays: number;
}

export interface ReportingMonth {
  readonly month: string;
  /** Facilities open that month: the leaves of the subtree, by their validity dates. */
  readonly expected: number;
  /** Of those, facilities with at least one declared value for the month. */
  readonly declared: number;
  /** Of those, facilities whose declared values were all entered by the deadline. */
  readonly onTime: number;
}

/**
 * Completeness (facility-months declared out of those expected) and timeliness (declared by
 * the end of the `withinDays`-th day after the month, by the values' `updated_at`; a value
 * corrected later counts at its correction) of reporting, per month.
 */
export async function reporting(db: Db, filter: ReportingFilter) {
  const { scope, range } = filter;
  const expected = range.months.map((month) => scope.leaves.filter((unit) => isOpen(unit, month)));
  const open = new Set(range.months.flatMap((month, i) => expected[i]!.map((unit) => `${unit.id}@${month}`)));
  const rows = await queryRows<{ period: string; org_unit_id: string; on_time: boolean }>(
    db,
    sql`select period, org_unit_id, max(updated_at) < ${periodEndSql(sql`period`)} + ${filter.withinDays + 1}::int as on_time
        from data_values
        where programme_id = ${filter.programmeId} and period = any(${arrayParam(range.months, 'text')}) and state = 'declared'
          and org_unit_id = any(${arrayParam(scope.leaves.map((unit) => unit.id), 'text')})
        group by period, org_unit_id`,
  );
  const counts = new Map(range.months.map((month) => [month, { declared: 0, onTime: 0 }]));
  for (const row of rows) {
    if (!open.has(`${row.org_unit_id}@${row.period}`)) continue;
    const count = counts.get(row.period)!;
    count.declared++;
    if (row.on_time) count.onTime++;
  }
  const items = range.months.map((month, i): ReportingMonth => ({ month, expected: expected[i]!.length, ...counts.get(month)! }));
  const sum = (pick: (item: ReportingMonth) => number) => items.reduce((total, item) => total + pick(item), 0);
  return { withinDays: filter.withinDays, items, expected: sum((item) => item.expected), declared: sum((item) => item.declared), onTime: sum((item) => item.onTime) };
}

function isOpen(unit: ScopeUnit, month: string): boolean {
  const { first, last } = periodDays(parsePeriod(month)!);
  return (unit.validFrom === null || unit.validFrom <= last) && (unit.validTo === null || unit.validTo >= first);
}
