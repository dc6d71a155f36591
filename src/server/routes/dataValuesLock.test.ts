import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/database.ts';
import { PROGRAMME } from '../../../test/support/api.ts';
import { workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';
import { writeCoalesced } from '../../domain/dataValues/valueStore/index.ts';
import { periodStatus } from '../../store/schema.ts';

/**
 * A workflow step's transaction that has changed the status row of cds_1's quantity package
 * for `period` and holds it, uncommitted, until `commit` is called; `done` once committed.
 */
async function holdStatusRow(api: WorkflowApi, period: string, change: Partial<typeof periodStatus.$inferInsert>) {
  let commit!: () => void;
  const committed = new Promise<void>((resolve) => (commit = resolve));
  let updated!: () => void;
  const holding = new Promise<void>((resolve) => (updated = resolve));
  const done = api.database.db.transaction(async (tx) => {
    await tx
      .update(periodStatus)
      .set(change)
      .where(and(eq(periodStatus.orgUnitId, 'cds_1'), eq(periodStatus.period, period), eq(periodStatus.package, 'quantity')));
    updated();
    await committed;
  });
  await holding;
  return { commit, done };
}

/** Statements of this database waiting for a lock another transaction holds. */
async function waitingOnLocks(api: WorkflowApi): Promise<number> {
  const result = await api.database.db.execute(
    sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return (result as unknown as { rows: { waiting: number }[] }).rows[0]!.waiting;
}

// PostgreSQL only (skipped without DATABASE_URL): PGlite has one connection, so a validation
// and a write never overlap there.
describe.runIf(backends.includes('postgres'))('a write meeting a validation in progress (postgres)', () => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi('postgres');
  });
  afterAll(() => api.close());

  it('waits for the validation to end and is then refused as locked, the value kept', async () => {
    const key = { orgUnit: 'cds_1', period: '202409', activity: 'consultation', state: 'validated' };
    const workflow = { orgUnit: 'cds_1', period: '202409', package: 'quantity' };
    expect((await api.step('clerk', workflow, 'declare')).statusCode).toBe(200);
    expect((await api.step('verifier', workflow, 'verify')).statusCode).toBe(200);
    expect((await api.put('validator', key, { value: 10 })).statusCode).toBe(201);
    // A validation that has changed the status row and not yet committed.
    const { commit, done: validation } = await holdStatusRow(api, '202409', { status: 'validated', version: 3 });
    let answered = false;
    const write = api.put('validator', key, { value: 11, version: 1 }).finally(() => (answered = true));
    await expect.poll(() => waitingOnLocks(api), { interval: 10, timeout: 10_000 }).toBe(1);
    expect(answered).toBe(false);
    commit();
    await validation;
    const response = await write;
    expect(response.statusCode, response.body).toBe(423);
    expect(response.json().error.message).toContain("package 'quantity' is validated and locked");
    expect((await api.audit('cds_1/202409/consultation/validated')).map((row) => row.newValue)).toEqual([{ value: 10, version: 1 }]);
  });

  it('does not hold back, while one write waits for a lock, the writes sent with it', async () => {
    // The verifier's figures, which change until the verification is done.
    const key = (orgUnit: string, activity: string) => ({ orgUnit, period: '202410', activity, state: 'verified' });
    const workflow = { orgUnit: 'cds_1', period: '202410', package: 'quantity' };
    expect((await api.step('clerk', workflow, 'declare')).statusCode).toBe(200);
    expect((await api.put('verifier', key('cds_1', 'consultation'), { value: 10 })).statusCode).toBe(201);
    // A workflow step that holds the status row of cds_1's package, and of no other.
    const { commit, done: step } = await holdStatusRow(api, '202410', { version: 3 });
    const verifier = { userId: api.users.verifier, username: 'verifier', name: 'The verifier', locale: 'en', grants: [], platformAdmin: false };
    const write = (orgUnit: string, activity: string, value: number, over: number) =>
      writeCoalesced(api.database.db, {
        programmeId: PROGRAMME,
        actor: verifier,
        change: { key: key(orgUnit, activity), value, over },
        holdings: [{ orgUnit, period: '202410', package: 'quantity', frozenFrom: 'verified' }],
      });
    // Asked for in one turn: one statement, which meets the lock.
    let firstDone = false;
    const first = write('cds_1', 'consultation', 11, 1).finally(() => (firstDone = true));
    const others = await Promise.all([write('cds_2', 'consultation', 12, 0), write('cds_2', 'delivery', 13, 0)]).finally(commit);
    expect(others.map((stored) => stored?.value)).toEqual([12, 13]);
    expect(firstDone).toBe(false);
    await step;
    expect(await first).toMatchObject({ value: 11, version: 2 });
  });
});
