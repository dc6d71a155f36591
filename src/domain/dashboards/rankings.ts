import { sql, type SQL } from 'drizzle-orm';
import type { Ranking, SortOrder } from '../../contract/rankings.ts';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { activitiesOf, type ProgrammeFacts } from './programmeFacts.ts';
import { qualityScoresSql } from './qualityScores.ts';
import type { MonthRange } from './range.ts';
import type { DashboardScope } from './scope.ts';


export interface RankingFilter {
  readonly programmeId: string;
  readonly scope: DashboardScope;
  readonly range: MonthRange;
  readonly facts: ProgrammeFacts;
  readonly by: Ranking;
  readonly order: SortOrder;
  readonly limit: number;
  readonly offset: number;
}

export interface Ranked {
  readonly rank: number;
  readonly orgUnitId: string;
  readonly name: string;
  /** The unit above it, to tell apart facilities of the same name. */
  readonly parentName: string | null;
  readonly value: number;
}

/**
 * Facilities ranked by what they were paid (payments for invoices of the range), by their
 * average quality score, or by their discrepancy Σ|declared − verified| / Σ verified over the
 * (month, activity) pairs holding both states (1 when nothing declared was found). Facilities
 * without the figure are left out.
 */
export async function rankings(db: Db, filter: RankingFilter) {
  const values = rankingSql(filter);
  if (!values) return { items: [], total: 0, limit: filter.limit, offset: filter.offset };
  const direction = filter.order === 'asc' ? sql`asc` : sql`desc`;
  // The total comes with the page (a window count), so the figures are aggregated once.
  const rows = await queryRows<{ org_unit_id: string; value: number; total: number }>(
    db,
    sql`select org_unit_id, value, (count(*) over ())::int as total from (${values}) r
        order by value ${direction}, org_unit_id collate "C" limit ${filter.limit} offset ${filter.offset}`,
  );
  const total = rows[0]?.total ?? (filter.offset === 0 ? 0 : await countOf(db, values));
  const { units } = filter.scope;
  return {
    items: rows.map((row, i): Ranked => {
      const unit = units.get(row.org_unit_id);
      return {
        rank: filter.offset + i + 1,
        orgUnitId: row.org_unit_id,
        name: unit?.name ?? row.org_unit_id,
        parentName: (unit?.parentId && units.get(unit.parentId)?.name) ?? null,
        value: row.value,
      };
    }),
    total,
    limit: filter.limit,
    offset: filter.offset,
  };
}

async function countOf(db: Db, values: SQL): Promise<number> {
  const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${values}) r`);
  return row!.total;
}

/** (org_unit_id, value) per facility, or undefined when the programme has no such figure. */
function rankingSql(filter: RankingFilter): SQL | undefined {
  const units = arrayParam(filter.scope.ids, 'text');
  const { programmeId, range, facts } = filter;
  switch (filter.by) {
    case 'paid':
      return sql`
        select i.org_unit_id, sum(p.amount)::float8 as value
        from invoices i join payments p on p.programme_id = i.programme_id and p.invoice_id = i.id
        where i.programme_id = ${programmeId} and i.org_unit_id = any(${units}) and i.period = any(${arrayParam(range.periods, 'text')})
        group by i.org_unit_id`;
    case 'quality':
      if (facts.scoreNames.length === 0) return undefined;
      return sql`
        select org_unit_id, avg(score)::float8 as value
        from (${qualityScoresSql({ programmeId, units: filter.scope.ids, quarters: range.quarters, scoreNames: facts.scoreNames })}) s
        group by org_unit_id`;
    case 'discrepancy':
      return sql`
        select org_unit_id,
               case when sum(verified) = 0 then case when sum(abs(declared - verified)) = 0 then 0 else 1 end
                    else sum(abs(declared - verified)) / sum(verified) end::float8 as value
        from (
          select org_unit_id, period, activity,
                 max(value) filter (where state = 'declared') as declared, max(value) filter (where state = 'verified') as verified
          from data_values
          where programme_id = ${programmeId} and period = any(${arrayParam(range.months, 'text')}) and state in ('declared', 'verified')
            and activity = any(${arrayParam(activitiesOf(facts), 'text')}) and org_unit_id = any(${units})
          group by org_unit_id, period, activity
        ) pairs
        where declared is not null and verified is not null
        group by org_unit_id`;
  }
}
