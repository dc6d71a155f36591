import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.ts';

interface Executable<Params, Result> {
  execute(params: Params): Promise<Result>;
}

const statements = new WeakMap<Db | Tx, Map<string, Executable<never, unknown>>>();

/**
 * What a hot statement does, which decides where it runs outside a transaction (see
 * openDatabase): a `lookup` reads by key and is planned once per connection; a `search` reads
 * with a plan that depends on its parameters' values (the order of its filters on a text) and
 * is planned at every call; a `write` is planned once, on connections of its own: its commit
 * waits for the disk, and reads sent after it on the same connection would wait too.
 */
export type StatementKind = 'lookup' | 'search' | 'write';

/** The handles a database's statements run through outside transactions, by kind. */
export type StatementHandles = Readonly<Record<Exclude<StatementKind, 'search'>, Db>>;

const statementHandles = new WeakMap<Db, StatementHandles>();

/** Statements called with `db` outside a transaction run through `handles` (a search through `db` itself). */
export function runPreparedThrough(db: Db, handles: StatementHandles): void {
  statementHandles.set(db, handles);
}

/**
 * A hot query built and prepared once per database handle, then run with its parameters
 * (drizzle placeholders): the query is not rebuilt for each request, and PostgreSQL plans a
 * named statement once per connection. A transaction's handle gets its own, for its life.
 */
export function prepared<Params, Result>(
  db: Db | Tx,
  name: string,
  build: (db: Db | Tx, name: string) => Executable<Params, Result>,
  kind: StatementKind = 'lookup',
): Executable<Params, Result> {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as Executable<Params, Result> | undefined;
  if (!statement) {
    const handle = (kind !== 'search' && statementHandles.get(db as Db)?.[kind]) || db;
    byName.set(name, (statement = build(handle, name) as Executable<never, unknown> as Executable<Params, Result>));
  }
  return statement;
}

const dialect = new PgDialect();

/**
 * Raw SQL, its parameters as drizzle placeholders, prepared like a query builder's (see
 * prepared): for a statement the builder cannot write (data-modifying CTEs). Rows come as
 * PostgreSQL writes them (timestamps as text): raw SQL has no column to map them.
 */
export function preparedSql<Params, Row>(db: Db | Tx, name: string, query: () => SQL, kind: StatementKind = 'lookup'): Executable<Params, Row[]> {
  return prepared(
    db,
    name,
    (handle, statementName) => {
      // What db.execute does, with a name.
      const statement = handle._.session.prepareQuery(dialect.sqlToQuery(query()), undefined, statementName, false);
      return {
        execute: async (params: Params) => {
          // node-postgres and PGlite answer a result holding rows, postgres.js the rows (decision 0010).
          const result = (await statement.execute(params as Record<string, unknown>)) as unknown as { rows: Row[] } | Row[];
          return Array.isArray(result) ? result : result.rows;
        },
      };
    },
    kind,
  );
}
