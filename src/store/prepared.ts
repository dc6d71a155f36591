import type { Db, Tx } from './database.ts';

interface Executable<Params, Result> {
  execute(params: Params): Promise<Result>;
}

const statements = new WeakMap<Db | Tx, Map<string, Executable<never, unknown>>>();

/**
 * A hot query built and prepared once per database handle, then run with its parameters
 * (drizzle placeholders): the query is not rebuilt for each request, and PostgreSQL plans a
 * named statement once per connection. A transaction's handle gets its own, for its life.
 */
export function prepared<Params, Result>(
  db: Db | Tx,
  name: string,
  build: (db: Db | Tx, name: string) => Executable<Params, Result>,
): Executable<Params, Result> {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as Executable<Params, Result> | undefined;
  if (!statement) byName.set(name, (statement = build(db, name) as Executable<never, unknown> as Executable<Params, Result>));
  return statement;
}
