import { sql } from 'drizzle-orm';
import { copyCell, copyInto } from "./copy.js";
/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres. */
export async function queryRows(db, query) {
    const result = await db.execute(query);
    return result.rows;
}
/** A list as one array parameter: one parameter whatever its length. */
export function arrayParam(values, type) {
    return sql `${sql.param(values)}::${sql.raw(type)}[]`;
}
/** Inserts rows given as columns, with COPY in the caller's transaction (see copy.ts). */
export async function insertColumns(tx, table, columns, options = {}) {
    const constants = Object.entries(options.constants ?? {});
    const names = [...constants.map(([name]) => name), ...columns.map((column) => column.name)];
    // The constants' text is made once; each line then adds its own cells, with no array per row.
    const fixed = constants.map(([, value]) => copyCell(value) + '\t').join('');
    const line = (i) => {
        let text = fixed + copyCell(columns[0].values[i]);
        for (let c = 1; c < columns.length; c++)
            text += '\t' + copyCell(columns[c].values[i]);
        return text;
    };
    await copyInto(tx, table, names, { count: columns[0]?.values.length ?? 0, line }, options.afterBatch);
}
//# sourceMappingURL=sql.js.map