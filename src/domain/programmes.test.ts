import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, seed } from '../../test/support/api.ts';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database } from '../store/database.ts';
import { versionFor } from './programmes.ts';

// PostgreSQL only (skipped without DATABASE_URL): PGlite has one connection, and its
// transactions queue instead.
describe.runIf(backends.includes('postgres'))('programme versions under a full pool (postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase('postgres');
    await seed(database);
  });
  afterAll(() => database.close());

  // A deadlock would show as this test's timeout: the reads below would never answer.
  it('lets transactions holding every pooled connection read versions while a pooled read waits', async () => {
    let holding = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let allHeld!: () => void;
    const held = new Promise<void>((resolve) => (allHeld = resolve));
    const transactions = Array.from({ length: 10 }, () =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        if (++holding === 10) allHeld();
        await gate;
        return versionFor(tx, PROGRAMME, '202401');
      }),
    );
    await held;
    // Waits for a connection; a transaction joining this read would never end.
    const pooled = versionFor(database.db, PROGRAMME, '202401');
    release();
    const versions = await Promise.all([...transactions, pooled]);
    expect(versions.map((version) => version.version)).toEqual(Array(11).fill(1));
  });
});
