import { sql } from 'drizzle-orm';
/** The items by key, each group in the items' order. */
export function groupBy(items, keyOf) {
    const groups = new Map();
    for (const item of items) {
        const key = keyOf(item);
        const group = groups.get(key);
        if (group)
            group.push(item);
        else
            groups.set(key, [item]);
    }
    return groups;
}
/**
 * `(column, …) in (tuples)` with the tuples sent as one text array per column: any number of
 * keys costs one parameter per column and a join. A literal list of row comparisons would
 * be planned as one deep OR, which exhausts PGlite's stack at a few thousand keys.
 */
export function tupleIn(columns, tuples) {
    return columnsIn(columns, columns.map((_, i) => sql.param(tuples.map((tuple) => tuple[i]))));
}
/** `tupleIn` over one text array per column given as parameters or placeholders (prepared statements). */
export function columnsIn(columns, arrays) {
    const typed = arrays.map((array) => sql `${array}::text[]`);
    return sql `(${sql.join([...columns], sql `, `)}) in (select * from unnest(${sql.join(typed, sql `, `)}))`;
}
/** `column = any(values)`, one parameter whatever the number of values. */
export function anyOf(column, values) {
    return sql `${column} = any(${sql.param([...values])}::text[])`;
}
//# sourceMappingURL=bulk.js.map