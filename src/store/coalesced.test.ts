import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import { coalesced } from './coalesced.ts';
import type { Database, Db, Tx } from './database.ts';
import { queryRows } from './sql.ts';

async function failingBodies(db: Db | Tx, ids: readonly number[]): Promise<string[]> {
  await queryRows(db, sql`select no_such_column from notes`);
  return ids.map(() => 'never');
}

describe.each(backends)('coalesced lookups on %s', (kind) => {
  let database: Database;
  /** The keys of each query run, in order. */
  let queries: number[][];

  beforeAll(async () => {
    database = await testDatabase(kind);
    await database.db.execute(sql`create table notes (id int4 primary key, body text not null)`);
    await database.db.execute(sql`insert into notes values (1, 'one'), (2, 'two'), (3, 'three')`);
  });
  afterAll(() => database.close());

  async function bodies(db: Db | Tx, ids: readonly number[]): Promise<(string | undefined)[]> {
    queries.push([...ids]);
    const rows = await queryRows<{ id: number; body: string }>(db, sql`select id, body from notes where id = any(${sql.param([...ids])}::int4[])`);
    const byId = new Map(rows.map((row) => [row.id, row.body]));
    return ids.map((id) => byId.get(id));
  }
  const body = async (db: Db | Tx, id: number) => (await coalesced(db, [id], bodies))[0];

  it('runs the lookups asked for in one turn as one query, each answered with its own row', async () => {
    queries = [];
    expect(await Promise.all([body(database.db, 2), body(database.db, 1), body(database.db, 4), body(database.db, 2)])).toEqual(['two', 'one', undefined, 'two']);
    expect(queries).toEqual([[2, 1, 4, 2]]);
  });

  it('runs lookups asked for in later turns in later queries', async () => {
    queries = [];
    expect(await body(database.db, 1)).toBe('one');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await body(database.db, 3)).toBe('three');
    expect(queries).toEqual([[1], [3]]);
  });

  it('runs a lookup in a transaction on its connection, seeing its uncommitted writes, apart from other lookups', async () => {
    queries = [];
    const seen = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into notes values (5, 'five')`);
        const inside = await Promise.all([body(tx, 5), body(tx, 1)]);
        tx.rollback();
        return inside;
      })
      .catch((error: unknown) => error);
    expect(seen).toBeInstanceOf(Error); // the rollback
    expect(queries).toEqual([[5], [1]]);
    expect(await body(database.db, 5)).toBeUndefined();
  });

  it('runs the keys of a lookup in a transaction as one query', async () => {
    queries = [];
    const inside = await database.db.transaction((tx) => coalesced(tx, [3, 1, 2], bodies));
    expect(inside).toEqual(['three', 'one', 'two']);
    expect(queries).toEqual([[3, 1, 2]]);
  });

  it('fails every lookup of a query that fails, and the next turn’s query runs again', async () => {
    const failing = (db: Db | Tx, id: number) => coalesced(db, [id], failingBodies);
    const answers = await Promise.allSettled([failing(database.db, 1), failing(database.db, 2)]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(await body(database.db, 2)).toBe('two');
  });
});
