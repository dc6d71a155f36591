import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { activitiesOf, QUANTITY_STATES } from "./programmeFacts.js";
export const noTotals = () => ({ declared: 0, verified: 0, validated: 0 });
/**
 * Sums of the entered quantities of the range's months per state and either per month and
 * activity (activities then add up to their package) or per unit: one GROUP BY on columns
 * of the primary key, read through the (programme, period) index.
 */
export function quantitySums(filter, by) {
    const keys = by === 'period' ? sql `period as key, activity` : sql `org_unit_id as key, null as activity`;
    return sql `
    select ${keys}, state, sum(value)::float8 as total
    from data_values
    where programme_id = ${filter.programmeId} and period = any(${arrayParam(filter.range.months, 'text')})
      and state = any(${arrayParam(QUANTITY_STATES, 'text')})
      and activity = any(${arrayParam(activitiesOf(filter.facts, filter.package), 'text')})
      and org_unit_id = any(${arrayParam(filter.units, 'text')})
    group by 1, 2, 3`;
}
/** Declared, verified and validated quantities per month and package, summed over the activities of the package. */
export async function quantityOverTime(db, filter) {
    const rows = await queryRows(db, quantitySums(filter, 'period'));
    const points = new Map();
    for (const row of rows) {
        const pkg = filter.facts.quantityActivities.get(row.activity);
        const key = `${row.key}\u0000${pkg}`;
        let point = points.get(key);
        if (!point)
            points.set(key, (point = { period: row.key, package: pkg, ...noTotals() }));
        point[row.state] += row.total;
    }
    const items = [...points.values()].sort((a, b) => a.period.localeCompare(b.period) || a.package.localeCompare(b.package));
    return { items };
}
//# sourceMappingURL=quantityOverTime.js.map