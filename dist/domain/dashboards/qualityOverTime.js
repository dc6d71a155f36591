import { sql } from 'drizzle-orm';
import { queryRows } from "../../store/sql.js";
import { qualityScoresSql } from "./qualityScores.js";
/** The quality scores of the range's quarters: average, lowest and highest over the facilities scored. */
export async function qualityOverTime(db, filter) {
    if (filter.facts.scoreNames.length === 0)
        return { items: [] };
    const scores = qualityScoresSql({ ...filter, quarters: filter.range.quarters, scoreNames: filter.facts.scoreNames });
    const items = await queryRows(db, sql `select period, avg(score)::float8 as average, min(score)::float8 as min, max(score)::float8 as max, count(*)::int as facilities
        from (${scores}) s group by period order by period`);
    return { items };
}
//# sourceMappingURL=qualityOverTime.js.map