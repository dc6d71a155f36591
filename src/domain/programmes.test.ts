import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
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
  // After a deadlock the pool never ends: do not wait for it.
  afterAll(() => Promise.race([database.close(), sleep(5_000)]));

  it('lets transactions holding every pooled connection read versions while a pooled read waits', async () => {
    let holding = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transactions = Array.from({ length: 10 }, () =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        holding++;
        await gate;
        return versionFor(tx, PROGRAMME, '202401');
      }),
    );
    while (holding < 10) await sleep(10);
    // Waits for a connection; a transaction joining this read would never end.
    const pooled = versionFor(database.db, PROGRAMME, '202401');
    release();
    const versions = Promise.all([...transactions, pooled]).then((all) => all.map((version) => version.version));
    expect(await Promise.race([versions, sleep(3_000).then(() => 'deadlocked')])).toEqual(Array(11).fill(1));
  });
});
