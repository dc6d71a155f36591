import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.ts';
import { isTransaction } from './transaction.ts';

interface Executable<Params, Result> {
  execute(params: Params): Promise<Result>;
}

/**
 * Where a statement that would rather fail than wait for a lock runs: connections that give up
 * after a short lock_timeout, their statements planned once like the hot path's. PGlite has
 * one connection, on which no lock is ever waited for: `db` itself.
 */
export function impatientHandle(db: Db): Db {
  return db.machinery.impatientThrough(db);
}

/**
 * How PostgreSQL plans a statement called outside a transaction: `once` a connection, for
 * statements whose plan does not depend on their parameters' values (lookups by key), or
 * `per call`, for those it does (a search whose best order of filters depends on the text).
 */
export type Planning = 'once' | 'per call';

/**
 * A hot query built and prepared once per database, then run with its parameters
 * (drizzle placeholders): the query is not rebuilt for each request, and PostgreSQL plans a
 * named statement once per connection. A transaction's handle gets its own, for its life.
 */
export function prepared<Params, Result>(
  db: Db | Tx,
  name: string,
  build: (db: Db | Tx, name: string) => Executable<Params, Result>,
  planning: Planning = 'once',
): Executable<Params, Result> {
  // Each handle's own: a pool's statements run on its connections, a transaction's on its one, for its life.
  const byName = db.statements;
  let statement = byName.get(name) as Executable<Params, Result> | undefined;
  if (!statement) {
    const handle = planning === 'once' && !isTransaction(db) ? db.machinery.statementsThrough(db) : db;
    byName.set(name, (statement = build(handle, name)));
  }
  return statement;
}

/** Stateless: it only writes SQL text, the same for every database. */
const dialect = new PgDialect();

/**
 * Raw SQL, its parameters as drizzle placeholders, prepared like a query builder's (see
 * prepared): for a statement the builder cannot write (data-modifying CTEs). Rows come as
 * PostgreSQL writes them (timestamps as text): raw SQL has no column to map them.
 */
export function preparedSql<Params, Row>(db: Db | Tx, name: string, query: () => SQL): Executable<Params, Row[]> {
  return prepared(db, name, (handle, statementName) => {
    // What db.execute does, with a name.
    const statement = handle._.session.prepareQuery(dialect.sqlToQuery(query()), undefined, statementName, false);
    return { execute: async (params: Params) => ((await statement.execute(params as Record<string, unknown>)) as unknown as { rows: Row[] }).rows };
  });
}
