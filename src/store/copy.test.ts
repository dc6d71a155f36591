import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { bulkInsert } from './bulkInsert.ts';
import { copyCell, copyInto, copyLine } from './copy.ts';
import type { Database } from './database.ts';
import { queryRows } from './sql.ts';

describe('copyCell', () => {
  it('writes null as \\N and escapes the separators', () => {
    expect([null, undefined, 'a\tb\nc\rd\\e', 12.5, 10n, true, new Date(Date.UTC(2024, 0, 31)), { a: 'x\ty' }].map(copyCell)).toEqual([
      '\\N',
      '\\N',
      'a\\tb\\nc\\rd\\\\e',
      '12.5',
      '10',
      't',
      '2024-01-31T00:00:00.000Z',
      '{"a":"x\\\\ty"}',
    ]);
  });

  it('never leaves a raw tab or line break in a cell', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[\t\n\r]/.test(copyCell(text))));
  });
});

describe.each(backends)('copyInto on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
    await database.db.execute(sql`create table copied (id int4 primary key, label text, amount numeric(20,4), ratio float8, facts jsonb)`);
  });
  afterAll(() => database.close());

  it('writes every row exactly in the transaction, reporting each batch', async () => {
    const labels = ['plain', 'tab\there', 'line\nbreak', 'back\\slash', '\\N', 'é ü ñ', null];
    const rows = Array.from({ length: 250_001 }, (_, i) => [i, labels[i % labels.length]!, '1234567890.1234', i / 3, { i, note: labels[i % labels.length] }]);
    const batches: number[] = [];
    await database.db.transaction((tx) =>
      copyInto(tx, 'copied', ['id', 'label', 'amount', 'ratio', 'facts'], { count: rows.length, line: (i) => copyLine(rows[i]!) }, async (written) => {
        batches.push(written);
      }),
    );
    expect(batches).toEqual([100_000, 200_000, 250_001]);
    const sample = await queryRows<{ id: number; label: string | null; amount: string; ratio: number; facts: unknown }>(
      database.db,
      sql`select id, label, amount::text as amount, ratio, facts from copied where id < 7 or id = 250000 order by id`,
    );
    expect(sample.map((row) => row.label)).toEqual([...labels, labels[250_000 % labels.length]]);
    expect(sample[1]).toMatchObject({ amount: '1234567890.1234', ratio: 1 / 3, facts: { i: 1, note: 'tab\there' } });
    expect(sample[6]!.facts).toEqual({ i: 6, note: null });
  });

  it('writes nothing when a row is refused', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from copied`);
    const failed = database.db.transaction((tx) =>
      copyInto(tx, 'copied', ['id', 'label'], { count: 3, line: (i) => copyLine([900_000 + (i === 2 ? 0 : i), 'again']) }),
    );
    await expect(failed).rejects.toThrow(/duplicate key|unique/);
    expect(await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from copied`)).toEqual(before);
  });

  it('writes objects keyed like a table, JSON columns as JSON whatever the value', async () => {
    await database.db.execute(sql`create table bulk_json (id int4 primary key, facts jsonb, note text)`);
    const bulk = pgTable('bulk_json', { id: integer('id').primaryKey(), facts: jsonb('facts'), note: text('note') });
    const values = ['a string', '{"a":1}', true, null, [1, 'two'], { tab: 'x\ty' }];
    await database.db.transaction((tx) => bulkInsert(tx, bulk, values.map((facts, id) => ({ id, facts, note: id === 3 ? null : `n\t${id}` }))));
    const rows = await queryRows<{ facts: unknown; kind: string; note: string | null }>(
      database.db,
      sql`select facts, jsonb_typeof(facts) as kind, note from bulk_json order by id`,
    );
    expect(rows.map((row) => row.facts)).toEqual(values);
    expect(rows.map((row) => row.kind)).toEqual(['string', 'string', 'boolean', 'null', 'array', 'object']);
    expect(rows.map((row) => row.note)).toEqual(['n\t0', 'n\t1', 'n\t2', null, 'n\t4', 'n\t5']);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(copyInto(database.db as never, 'copied', ['id'], { count: 1, line: () => '1' })).rejects.toThrow(
      "copy into 'copied': needs the connection of a transaction",
    );
  });
});
