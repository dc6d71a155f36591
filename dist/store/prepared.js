import { PgDialect } from 'drizzle-orm/pg-core';
const statements = new WeakMap();
/** For each database handle, the handle its prepared statements run through outside transactions. */
const statementHandles = new WeakMap();
/** For each database handle, the handle of statements that must not wait long for a lock (see impatientHandle). */
const impatientHandles = new WeakMap();
/**
 * Prepared statements planned `once` run through `handle` when called with `db` outside a
 * transaction (see openDatabase: a pool of its own, planning once per connection).
 */
export function runPreparedThrough(db, handle) {
    statementHandles.set(db, handle);
}
/** Coalesced writes of `db` run through `handle` (see openDatabase: connections with a short lock_timeout). */
export function runImpatientThrough(db, handle) {
    impatientHandles.set(db, handle);
}
/**
 * Where a statement that would rather fail than wait for a lock runs: connections that give up
 * after a short lock_timeout, their statements planned once like the hot path's. PGlite has
 * one connection, on which no lock is ever waited for: `db` itself.
 */
export function impatientHandle(db) {
    return impatientHandles.get(db) ?? db;
}
/**
 * A hot query built and prepared once per database handle, then run with its parameters
 * (drizzle placeholders): the query is not rebuilt for each request, and PostgreSQL plans a
 * named statement once per connection. A transaction's handle gets its own, for its life.
 */
export function prepared(db, name, build, planning = 'once') {
    let byName = statements.get(db);
    if (!byName)
        statements.set(db, (byName = new Map()));
    let statement = byName.get(name);
    if (!statement) {
        const handle = (planning === 'once' && statementHandles.get(db)) || db;
        byName.set(name, (statement = build(handle, name)));
    }
    return statement;
}
const dialect = new PgDialect();
/**
 * Raw SQL, its parameters as drizzle placeholders, prepared like a query builder's (see
 * prepared): for a statement the builder cannot write (data-modifying CTEs). Rows come as
 * PostgreSQL writes them (timestamps as text): raw SQL has no column to map them.
 */
export function preparedSql(db, name, query) {
    return prepared(db, name, (handle, statementName) => {
        // What db.execute does, with a name.
        const statement = handle._.session.prepareQuery(dialect.sqlToQuery(query()), undefined, statementName, false);
        return { execute: async (params) => (await statement.execute(params)).rows };
    });
}
//# sourceMappingURL=prepared.js.map