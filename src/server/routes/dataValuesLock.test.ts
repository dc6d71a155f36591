import { and, eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/database.ts';
import { workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';
import { periodStatus } from '../../store/schema.ts';

// PostgreSQL only (skipped without DATABASE_URL): PGlite has one connection, so a validation
// and a write never overlap there.
describe.runIf(backends.includes('postgres'))('a write meeting a validation in progress (postgres)', () => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi('postgres');
  });
  afterAll(() => api.close());

  it('waits for the validation to end and is then refused as locked, the value kept', async () => {
    const key = { orgUnit: 'cds_1', period: '202409', activity: 'consultation', state: 'declared' };
    const workflow = { orgUnit: 'cds_1', period: '202409', package: 'quantity' };
    expect((await api.put('clerk', key, { value: 10 })).statusCode).toBe(201);
    expect((await api.step('clerk', workflow, 'declare')).statusCode).toBe(200);
    expect((await api.step('verifier', workflow, 'verify')).statusCode).toBe(200);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let updated!: () => void;
    const holding = new Promise<void>((resolve) => (updated = resolve));
    // A validation that has changed the status row and not yet committed.
    const validation = api.database.db.transaction(async (tx) => {
      await tx
        .update(periodStatus)
        .set({ status: 'validated', version: 3 })
        .where(and(eq(periodStatus.orgUnitId, 'cds_1'), eq(periodStatus.period, '202409'), eq(periodStatus.package, 'quantity')));
      updated();
      await committed;
    });
    await holding;
    let answered = false;
    const write = api.put('clerk', key, { value: 11, version: 1 }).finally(() => (answered = true));
    await sleep(300).finally(commit);
    expect(answered).toBe(false);
    await validation;
    const response = await write;
    expect(response.statusCode, response.body).toBe(423);
    expect(response.json().error.message).toContain("package 'quantity' is validated and locked");
    expect((await api.audit('cds_1/202409/consultation/declared')).map((row) => row.newValue)).toEqual([{ value: 10, version: 1 }]);
  });
});
