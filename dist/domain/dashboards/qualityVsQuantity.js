import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { activitiesOf } from "./programmeFacts.js";
import { qualityScoresSql } from "./qualityScores.js";
/**
 * One point per facility holding a quality score in the range: its average score against
 * the quantities validated — did quality follow volume? Each figure is aggregated per
 * facility by its own query and the two are joined here: joined in SQL, tables never
 * analysed (PGlite) lead the planner into a nested loop over the data values.
 */
export async function qualityVsQuantity(db, filter) {
    if (filter.facts.scoreNames.length === 0)
        return { items: [] };
    const { programmeId, range, facts, scope } = filter;
    const scores = qualityScoresSql({ programmeId, units: scope.ids, quarters: range.quarters, scoreNames: facts.scoreNames });
    const quality = await queryRows(db, sql `select org_unit_id, avg(score)::float8 as quality from (${scores}) s group by org_unit_id order by org_unit_id collate "C"`);
    if (quality.length === 0)
        return { items: [] };
    const quantity = await queryRows(db, sql `select org_unit_id, sum(value)::float8 as validated from data_values
        where programme_id = ${programmeId} and period = any(${arrayParam(range.months, 'text')}) and state = 'validated'
          and activity = any(${arrayParam(activitiesOf(facts), 'text')})
          and org_unit_id = any(${arrayParam(quality.map((row) => row.org_unit_id), 'text')})
        group by org_unit_id`);
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
//# sourceMappingURL=qualityVsQuantity.js.map