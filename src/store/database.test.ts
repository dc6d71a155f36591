import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, scratchPostgres, testDatabase } from '../../test/support/database.ts';
import { openDatabase, type Database } from './database.ts';
import { programmes } from './schema.ts';

describe.each(backends)('%s database', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
  });
  afterAll(() => database.close());

  it('runs the migrations and stores money as exact numerics', async () => {
    await database.db.insert(programmes).values({ id: 'p', name: 'P', currency: 'BIF' });
    const [row] = await database.db.execute<{ total: string }>(sql`select (0.1::numeric(20,2) + 0.2::numeric(20,2))::text as total`).then((r) => (Array.isArray(r) ? r : (r as { rows: { total: string }[] }).rows));
    expect(row!.total).toBe('0.30');
    expect(await database.db.select().from(programmes)).toMatchObject([{ id: 'p', currencyDecimals: 0 }]);
  });
});

describe.runIf(backends.includes('postgres'))('a PostgreSQL database’s log', () => {
  it('tells the log it was given, fields first, of a connection lost', async () => {
    const scratch = await scratchPostgres();
    let logged!: (entry: { fields: object; message: string }) => void;
    const entry = new Promise<{ fields: object; message: string }>((resolve) => (logged = resolve));
    const log = { error: (fields: object, message: string) => logged({ fields, message }), warn: () => undefined };
    const database = await openDatabase({ url: scratch.url, log });
    try {
      await database.db.execute(sql`select 1`);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [new URL(scratch.url).pathname.slice(1)]);
      await admin.end();
      const { fields, message } = await entry;
      expect(message).toMatch(/^database: a connection was lost/);
      expect(fields).toMatchObject({ code: '57P01', err: expect.any(Error) });
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
