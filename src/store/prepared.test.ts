import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database, Db, Tx } from './database.ts';
import { prepared, preparedSql, type Planning } from './prepared.ts';
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

  it.runIf(kind === 'postgres')('plans a statement once per connection outside transactions, unless asked, and for its parameters inside', async () => {
    const planMode = (db: Db | Tx) =>
      preparedSql<Record<string, never>, { mode: string }>(db, 'plan_mode', () => sql`select current_setting('plan_cache_mode') as mode`).execute({});
    expect(await planMode(database.db)).toEqual([{ mode: 'force_generic_plan' }]);
    expect(await database.db.transaction((tx) => planMode(tx))).toEqual([{ mode: 'auto' }]);
    expect(await queryRows(database.db, sql`select current_setting('plan_cache_mode') as mode`)).toEqual([{ mode: 'auto' }]);
    const planned = (planning: Planning) =>
      prepared(database.db, `plan_mode_${planning}`, (handle, name) => handle.select({ mode: sql<string>`current_setting('plan_cache_mode')` }).from(notes).limit(1).prepare(name), planning);
    expect(await planned('per call').execute({})).toEqual([{ mode: 'auto' }]);
    expect(await planned('once').execute({})).toEqual([{ mode: 'force_generic_plan' }]);
  });
});
