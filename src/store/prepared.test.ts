import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import { openStatementClient, type Database, type Db, type Tx } from './database.ts';
import { prepared, preparedSql, type StatementKind } from './prepared.ts';
import { queryRows } from './sql.ts';

const notes = pgTable('notes', { id: integer('id').primaryKey(), body: text('body').notNull() });

const noteById = (db: Db | Tx) =>
  prepared(db, 'note_by_id', (handle, name) =>
    handle
      .select({ body: notes.body })
      .from(notes)
      .where(eq(notes.id, sql.placeholder('id')))
      .prepare(name),
  );

describe.each(backends)('prepared on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
    await database.db.execute(sql`create table notes (id int4 primary key, body text not null)`);
    await database.db.insert(notes).values([
      { id: 1, body: 'one' },
      { id: 2, body: 'two' },
    ]);
  });
  afterAll(() => database.close());

  it('builds a statement once per handle and runs it with each call’s parameters', async () => {
    expect(noteById(database.db)).toBe(noteById(database.db));
    expect(await noteById(database.db).execute({ id: 2 })).toEqual([{ body: 'two' }]);
    expect(await noteById(database.db).execute({ id: 1 })).toEqual([{ body: 'one' }]);
    expect(await noteById(database.db).execute({ id: 3 })).toEqual([]);
  });

  it('gives a transaction its own statement, which reads what the transaction wrote', async () => {
    const outside = noteById(database.db);
    let inside: unknown;
    const rolledBack = database.db
      .transaction(async (tx) => {
        await tx.insert(notes).values({ id: 3, body: 'three' });
        expect(noteById(tx)).not.toBe(outside);
        inside = await noteById(tx).execute({ id: 3 });
        tx.rollback();
      })
      .catch((error: unknown) => error);
    expect(await rolledBack).toBeInstanceOf(Error);
    expect(inside).toEqual([{ body: 'three' }]);
    expect(await outside.execute({ id: 3 })).toEqual([]);
  });

  it('prepares raw SQL with placeholders, run with each call’s parameters on the pool and in a transaction', async () => {
    const bodies = (db: Db | Tx, ids: number[]) =>
      preparedSql<{ ids: number[] }, { body: string }>(db, 'note_bodies', () => sql`select body from notes where id = any(${sql.placeholder('ids')}::int4[]) order by id`).execute({ ids });
    expect(await bodies(database.db, [1, 2])).toEqual([{ body: 'one' }, { body: 'two' }]);
    expect(await bodies(database.db, [2])).toEqual([{ body: 'two' }]);
    const inside = await database.db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 4, body: 'four' });
      const rows = await bodies(tx, [4, 1]);
      await tx.delete(notes).where(eq(notes.id, 4));
      return rows;
    });
    expect(inside).toEqual([{ body: 'one' }, { body: 'four' }]);
    expect(await bodies(database.db, [4])).toEqual([]);
  });

  it.runIf(kind === 'postgres')('runs lookups and writes planned once, apart from each other, searches and transactions planned for their parameters', async () => {
    type Session = { mode: string; name: string };
    const session = (statementKind: StatementKind) =>
      prepared(
        database.db,
        `session_${statementKind}`,
        (handle, name) =>
          handle
            .select({ mode: sql<string>`current_setting('plan_cache_mode')`, name: sql<string>`current_setting('application_name')` })
            .from(notes)
            .limit(1)
            .prepare(name),
        statementKind,
      ).execute({}) as Promise<Session[]>;
    const [lookup, write, search] = await Promise.all([session('lookup'), session('write'), session('search')]);
    // A lookup never queues behind a write's commit.
    expect([lookup, write, search]).toEqual([[{ mode: 'force_generic_plan', name: 'openpbf lookups' }], [{ mode: 'force_generic_plan', name: 'openpbf writes' }], [{ mode: 'auto', name: '' }]]);
    const inTransaction = await database.db.transaction((tx) =>
      preparedSql<Record<string, never>, { mode: string }>(tx, 'plan_mode', () => sql`select current_setting('plan_cache_mode') as mode`, 'write').execute({}),
    );
    expect(inTransaction).toEqual([{ mode: 'auto' }]);
  });
});

describe.runIf(backends.includes('postgres'))('the statement client', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase('postgres');
  });
  afterAll(() => database.close());

  it('runs the statements planned at every call, and says so, when the server refuses the setting (a connection pooler)', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${await queryRows<{ name: string }>(database.db, sql`select current_database() as name`).then(([row]) => row!.name)}`;
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = await openStatementClient(url.toString(), 'lookups', { plan_cache_mode: 'refused' });
    try {
      expect(await client`select current_setting('plan_cache_mode') as mode, current_setting('application_name') as name`).toEqual([{ mode: 'auto', name: 'openpbf lookups' }]);
      expect(said).toHaveBeenCalledWith(expect.stringMatching(/^database: hot lookups planned at every call \(plan_cache_mode refused: invalid value for parameter "plan_cache_mode"/));
    } finally {
      said.mockRestore();
      await client.end();
    }
  });
});
