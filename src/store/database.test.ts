import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database } from './database.ts';
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
