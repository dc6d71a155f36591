import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import type { Database } from './database.ts';
import { afterCommit, isTransaction, transaction } from './transaction.ts';

describe.each(backends)('transaction on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
  });
  afterAll(() => database.close());

  it('runs after-commit hooks once committed, never after a rollback, and at once outside a transaction', async () => {
    const ran: string[] = [];
    await transaction(database.db, async (tx) => {
      expect(isTransaction(tx)).toBe(true);
      afterCommit(tx, () => ran.push('committed'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['committed']);
    const failed = transaction(database.db, async (tx) => {
      afterCommit(tx, () => ran.push('rolled back'));
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    expect(isTransaction(database.db)).toBe(false);
    afterCommit(database.db, () => ran.push('now'));
    expect(ran).toEqual(['committed', 'now']);
  });

  // PostgreSQL only: a PGlite transaction has no connection to lose.
  it.runIf(kind === 'postgres')('throws what failed the command, not the rollback that could not follow on a lost connection', async () => {
    const lost = transaction(database.db, (tx) => tx.execute(sql`select pg_terminate_backend(pg_backend_pid())`));
    await expect(lost).rejects.toMatchObject({ cause: { code: '57P01' } });
    expect(await transaction(database.db, (tx) => tx.execute(sql`select 1 as one`))).toMatchObject({ rows: [{ one: 1 }] });
  });
});
