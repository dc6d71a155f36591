import { sql } from 'drizzle-orm';
import { queryRows } from "../../store/sql.js";
/**
 * The first and last months holding entered values in the programme, for dashboards to open
 * on the latest year of data. Two index lookups (programme, period), whatever the table's size.
 */
export async function dataExtent(db, programmeId) {
    const edge = (direction) => queryRows(db, sql `select period from data_values where programme_id = ${programmeId} and period ~ '^[0-9]{6}$'
          order by period ${sql.raw(direction)} limit 1`);
    const [[first], [last]] = await Promise.all([edge('asc'), edge('desc')]);
    return { first: first?.period ?? null, last: last?.period ?? null };
}
//# sourceMappingURL=dataExtent.js.map