import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { activitiesOf } from './programmeFacts.ts';
import type { QualityFilter } from './qualityOverTime.ts';
import { qualityScoresSql } from './qualityScores.ts';
import type { DashboardScope } from './scope.ts';

export interface FacilityPoint {
  readonly orgUnitId: string;
  readonly name: string;
  readonly parentName: string | null;
  /** Average quality score over the range's quarters. */
  readonly quality: number;
  /** Validated quantities of the range's months, every quantity activity summed. */
  readonly validated: number;
}

/**
 * One point per facility holding a quality score in the range: its average score against
 * the quantities validated — did quality follow volume? Each figure is aggregated per
 * facility by its own query and the two are joined here: joined in SQL, tables never
 * analysed (PGlite) lead the planner into a nested loop over the data values.
 */
export async function qualityVsQuantity(db: Db, filter: QualityFilter & { scope: DashboardScope }): Promise<{ items: FacilityPoint[] }> {
  if (filter.facts.scoreNames.length === 0) return { items: [] };
  const { programmeId, range, facts, scope } = filter;
  const scores = qualityScoresSql({ programmeId, units: scope.ids, quarters: range.quarters, scoreNames: facts.scoreNames });
  const quality = await queryRows<{ org_unit_id: string; quality: number }>(
    db,
    sql`select org_unit_id, avg(score)::float8 as quality from (${scores}) s group by org_unit_id order by org_unit_id collate "C"`,
  );
  if (quality.length === 0) return { items: [] };
  const quantity = await queryRows<{ org_unit_id: string; validated: number }>(
    db,
    sql`select org_unit_id, sum(value)::float8 as validated from data_values
        where programme_id = ${programmeId} and period = any(${arrayParam(range.months, 'text')}) and state = 'validated'
          and activity = any(${arrayParam(activitiesOf(facts), 'text')})
          and org_unit_id = any(${arrayParam(quality.map((row) => row.org_unit_id), 'text')})
        group by org_unit_id`,
  );
  const validated = new Map(quantity.map((row) => [row.org_unit_id, row.validated]));
  return {
    items: quality.map((row) => {
      const unit = scope.units.get(row.org_unit_id);
      return {
        orgUnitId: row.org_unit_id,
        name: unit?.name ?? row.org_unit_id,
        parentName: (unit?.parentId && scope.units.get(unit.parentId)?.name) ?? null,
        quality: row.quality,
        validated: validated.get(row.org_unit_id) ?? 0,
      };
    }),
  };
}
