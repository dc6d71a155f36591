import { sql } from 'drizzle-orm';
import { parsePeriod } from "../../engine/model/period.js";
import { arrayParam, queryRows } from "../../store/sql.js";
import { periodDays } from "../verification/periods.js";
import { periodEndSql } from "../payments/reportSql.js";
/**
 * Completeness (facility-months declared out of those expected) and timeliness (declared by
 * the end of the `withinDays`-th day after the month, by the values' `updated_at`; a value
 * corrected later counts at its correction) of reporting, per month.
 */
export async function reporting(db, filter) {
    const { scope, range } = filter;
    const expected = range.months.map((month) => scope.leaves.filter((unit) => isOpen(unit, month)));
    const open = new Set(range.months.flatMap((month, i) => expected[i].map((unit) => `${unit.id}@${month}`)));
    const rows = await queryRows(db, sql `select period, org_unit_id, max(updated_at) < ${periodEndSql(sql `period`)} + ${filter.withinDays + 1}::int as on_time
        from data_values
        where programme_id = ${filter.programmeId} and period = any(${arrayParam(range.months, 'text')}) and state = 'declared'
          and org_unit_id = any(${arrayParam(scope.leaves.map((unit) => unit.id), 'text')})
        group by period, org_unit_id`);
    const counts = new Map(range.months.map((month) => [month, { declared: 0, onTime: 0 }]));
    for (const row of rows) {
        if (!open.has(`${row.org_unit_id}@${row.period}`))
            continue;
        const count = counts.get(row.period);
        count.declared++;
        if (row.on_time)
            count.onTime++;
    }
    const items = range.months.map((month, i) => ({ month, expected: expected[i].length, ...counts.get(month) }));
    const sum = (pick) => items.reduce((total, item) => total + pick(item), 0);
    return { withinDays: filter.withinDays, items, expected: sum((item) => item.expected), declared: sum((item) => item.declared), onTime: sum((item) => item.onTime) };
}
function isOpen(unit, month) {
    const { first, last } = periodDays(parsePeriod(month));
    return (unit.validFrom === null || unit.validFrom <= last) && (unit.validTo === null || unit.validTo >= first);
}
//# sourceMappingURL=reporting.js.map