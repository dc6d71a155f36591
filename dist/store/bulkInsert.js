import { getTableColumns, getTableName } from 'drizzle-orm';
import { copyInto, copyLine } from "./copy.js";
/**
 * Inserts many rows given as objects keyed like the table's columns, with COPY in the
 * caller's transaction. Every row must set the same columns; the others take their defaults.
 */
export async function bulkInsert(tx, table, rows) {
    const first = rows[0];
    if (!first)
        return;
    const keys = Object.keys(first);
    const columns = getTableColumns(table);
    // JSON columns take any value as JSON text (a string, true, null included); the others their text.
    const json = keys.map((key) => ['json', 'jsonb'].includes(columns[key].getSQLType()));
    const cell = (row, key, k) => (json[k] ? JSON.stringify(row[key] ?? null) : row[key]);
    const line = (i) => copyLine(keys.map((key, k) => cell(rows[i], key, k)));
    await copyInto(tx, getTableName(table), keys.map((key) => columns[key].name), { count: rows.length, line });
}
//# sourceMappingURL=bulkInsert.js.map