import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDetails } from '../../contract/errors.ts';
import { computeInvoices, storable } from '../../domain/invoices/computeInvoices.ts';
import { loadRunInputs } from '../../domain/invoices/loadRunInputs.ts';
import { writeRun } from '../../domain/invoices/writeRun.ts';
import { parsePeriod } from '../../engine/index.ts';
import { saveProgrammeVersion } from '../../domain/programmes.ts';
import { auditLog, invoiceRunInputs, invoiceRunValues, invoiceRuns, invoices } from '../../store/schema.ts';
import { PROGRAMME, PROGRAMME_DEFINITION, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { actorWith, addUser, enterValues, quantityRows, setStatus, snapshot, statusOf } from '../../../test/support/invoices.ts';

const RUNS = `/api/programmes/${PROGRAMME}/invoice-runs`;

/** Version 2, from 202406: a ratio that divides by the declared count, and payments without `to_pay`. */
const VERSION_2 = {
  ...PROGRAMME_DEFINITION,
  packages: [
    {
      ...PROGRAMME_DEFINITION.packages[0]!,
      activityFormulas: { ...PROGRAMME_DEFINITION.packages[0]!.activityFormulas, ratio: 'verified / declared' },
    },
  ],
  payments: [
    // Evaluation order is gross, bonus, net; stored (jsonb) key order would end on gross.
    { code: 'monthly', frequency: 'monthly', packages: ['quantity'], formulas: { net: 'gross + bonus', gross: 'quantity.total', bonus: 'gross / 1000' } },
    { code: 'quarter', frequency: 'quarterly', packages: ['quantity'], formulas: { to_pay: 'quantity.total' } },
  ],
};

describe.each(backends)('invoice runs (%s)', (kind) => {
  let api: TestApi;
  let validator: Session;
  const run = (session: Session, orgUnitId: string, period: string) => runInvoicesAndWait(api.app, session, { orgUnitId, period });

  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator_p2', 'validator', 'p2');
    await addUser(api.database, 'validator2', 'validator', 'p1');
    await api.database.db.transaction((tx) =>
      saveProgrammeVersion(tx, actorWith(api.users.designer, 'designer'), PROGRAMME, { definition: VERSION_2, effectiveFrom: '202406' }),
    );
    validator = await login(api.app, 'validator');
  });
  afterAll(() => api.close());

  it('invoices the validated facilities of a subtree, skips the others with the reason, and marks them invoiced', async () => {
    const db = api.database.db;
    await enterValues(db, [...quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }), ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 })]);
    await setStatus(db, ['cds_1'], '202401', 'validated');
    await setStatus(db, ['cds_2'], '202401', 'verified');

    const response = await run(validator, 'p1', '202401');
    expect(response.statusCode).toBe(201);
    const { run: created } = response.json();
    expect(created).toMatchObject({
      rootOrgUnitId: 'p1',
      period: '202401',
      programmeVersion: 1,
      status: 'completed',
      invoiceCount: 1,
      total: '115000.00',
      startedBy: api.users.validator,
      skipped: [{ orgUnitId: 'cds_2', payment: 'monthly', pending: [{ package: 'quantity', period: '202401', status: 'verified' }] }],
      kept: [],
    });
    expect(created.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await db.select().from(invoices).where(eq(invoices.runId, created.id));
    expect(stored).toMatchObject([{ orgUnitId: 'cds_1', payment: 'monthly', amount: '115000.00', status: 'prepared', preparedBy: api.users.validator, programmeVersion: 1 }]);
    expect(await statusOf(db, 'cds_1', '202401')).toBe('invoiced');
    expect(await statusOf(db, 'cds_2', '202401')).toBe('verified');
    // The inputs of both facilities (3 states × 2 activities) and every formula value are kept.
    expect(await db.select().from(invoiceRunInputs).where(eq(invoiceRunInputs.runId, created.id))).toHaveLength(12);
    const values = await db.select().from(invoiceRunValues).where(and(eq(invoiceRunValues.runId, created.id), eq(invoiceRunValues.orgUnitId, 'cds_1')));
    expect(Object.fromEntries(values.map((value) => [value.name, value.value]))).toMatchObject({
      'quantity.consultation.amount': 25_000,
      'quantity.delivery.amount': 90_000,
      'quantity.total': 115_000,
      'monthly.to_pay': 115_000,
    });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoice_run'), eq(auditLog.entityKey, String(created.id))));
    expect(audit).toMatchObject({ userId: api.users.validator, action: 'run', newValue: { invoices: 1, skipped: 1, inputsHash: created.inputsHash } });
  });

  it('returns the stored run for an unchanged scope and writes nothing', async () => {
    const before = await snapshot(api.database.db);
    const first = (await call(api.app, validator, 'GET', `${RUNS}?period=202401`)).json().items[0];
    const again = await run(validator, 'p1', '202401');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, run: { id: first.id, inputsHash: first.inputsHash } });
    expect(await snapshot(api.database.db)).toEqual(before);
  });

  it('shows the difference from the previous run of the same scope, per unit and payment', async () => {
    const db = api.database.db;
    await setStatus(db, ['cds_2'], '202401', 'validated');
    const second = (await run(validator, 'p1', '202401')).json().run;
    const diff = (await call(api.app, validator, 'GET', `${RUNS}/${second.id}`)).json().diff;
    expect(diff).toMatchObject({ lineCount: 2, changedCount: 1, oldTotal: '115000.00', newTotal: '154500.00' });
    expect(diff.lines.items).toEqual([
      { orgUnitId: 'cds_1', payment: 'monthly', oldAmount: '115000.00', newAmount: '115000.00', delta: '0.00' },
      { orgUnitId: 'cds_2', payment: 'monthly', oldAmount: null, newAmount: '39500.00', delta: '39500.00' },
    ]);

    // Corrected figures (as after an unlock and a new validation) give a new run and its deltas.
    await enterValues(db, quantityRows('cds_1', '202401', { consultation: 120, delivery: 10 }));
    const third = (await run(validator, 'p1', '202401')).json().run;
    const changed = (await call(api.app, validator, 'GET', `${RUNS}/${third.id}?changedOnly=true`)).json();
    expect(changed.diff.previousRunId).toBe(second.id);
    expect(changed.diff.lines).toMatchObject({
      total: 1,
      items: [{ orgUnitId: 'cds_1', payment: 'monthly', oldAmount: '115000.00', newAmount: '120000.00', delta: '5000.00' }],
    });
    const cds1 = await db.select().from(invoices).where(and(eq(invoices.orgUnitId, 'cds_1'), eq(invoices.period, '202401')));
    expect(cds1.map((invoice) => [invoice.runId, invoice.amount, invoice.supersededBy])).toEqual([
      [second.id - 1, '115000.00', second.id],
      [second.id, '115000.00', third.id],
      [third.id, '120000.00', null],
    ]);
  });

  it('leaves approved invoices untouched when a scope is run again, and lists them as kept', async () => {
    const db = api.database.db;
    const current = (await call(api.app, validator, 'GET', `/api/programmes/${PROGRAMME}/invoices?period=202401&orgUnitId=cds_2`)).json().items[0];
    const approved = await call(api.app, await login(api.app, 'validator2'), 'POST', `/api/programmes/${PROGRAMME}/invoices/approve`, { invoiceIds: [current.id] });
    expect(approved.statusCode).toBe(200);
    await enterValues(db, quantityRows('cds_2', '202401', { consultation: 60, delivery: 3 }));
    await enterValues(db, quantityRows('cds_1', '202401', { consultation: 121, delivery: 10 }));

    const next = (await run(validator, 'p1', '202401')).json().run;
    expect(next.kept).toEqual([
      { invoiceId: current.id, orgUnitId: 'cds_2', payment: 'monthly', status: 'approved', amount: '39500.00', computedAmount: '42000.00' },
    ]);
    expect(next.invoiceCount).toBe(1);
    const [still] = await db.select().from(invoices).where(eq(invoices.id, current.id));
    expect(still).toMatchObject({ amount: '39500.00', status: 'approved', supersededBy: null });
    const diff = (await call(api.app, validator, 'GET', `${RUNS}/${next.id}`)).json().diff;
    expect(diff.lines.items).toContainEqual({ orgUnitId: 'cds_2', payment: 'monthly', oldAmount: '39500.00', newAmount: '39500.00', delta: '0.00' });
  });

  it('uses the version in force: its amount is the payment’s last formula in evaluation order, rounded half away from zero', async () => {
    const db = api.database.db;
    await enterValues(db, quantityRows('cds_1', '202407', { consultation: 2, delivery: 0 }, { consultation: 2, delivery: 1 }));
    await setStatus(db, ['cds_1'], '202407', 'validated');
    const created = (await run(validator, 'd1', '202407')).json().run;
    // gross 500, bonus 0.5, net 500.5 → 501 BIF.
    expect(created).toMatchObject({ programmeVersion: 2, invoiceCount: 1, total: '501.00' });
    // cds_2 has nothing declared, so its ratio divides by zero; it is not invoiced, so the run stands.
    expect(created.errors).toMatchObject([
      { code: 'DIV_ZERO', orgUnit: 'cds_2', period: '202407', activity: 'consultation' },
      { code: 'DIV_ZERO', orgUnit: 'cds_2', period: '202407', activity: 'delivery' },
    ]);
    const values = await db.select().from(invoiceRunValues).where(and(eq(invoiceRunValues.runId, created.id), eq(invoiceRunValues.name, 'monthly.net')));
    expect(values.find((value) => value.orgUnitId === 'cds_1')).toMatchObject({ value: 500.5 });
  });

  it('invoices a quarter’s quarterly payments once every month it reads is validated', async () => {
    const db = api.database.db;
    for (const month of ['202408', '202409']) await enterValues(db, quantityRows('cds_1', month, { consultation: 2, delivery: 0 }, { consultation: 2, delivery: 1 }));
    await setStatus(db, ['cds_1'], '202408', 'validated');
    await setStatus(db, ['cds_1'], '202409', 'verified');
    const waiting = (await run(validator, 'cds_1', '2024Q3')).json().run;
    expect(waiting).toMatchObject({ invoiceCount: 0, skipped: [{ orgUnitId: 'cds_1', payment: 'quarter', pending: [{ package: 'quantity', period: '202409', status: 'verified' }] }] });
    await setStatus(db, ['cds_1'], '202409', 'validated');
    const done = (await run(validator, 'cds_1', '2024Q3')).json().run;
    expect(done).toMatchObject({ invoiceCount: 1, total: '1500.00', skipped: [] });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.runId, done.id));
    expect(invoice).toMatchObject({ payment: 'quarter', period: '2024Q3' });
    expect(await statusOf(db, 'cds_1', '202409')).toBe('invoiced');
  });

  it('fails a run on engine errors with 422 located by unit, period and activity, and invoices nothing', async () => {
    const db = api.database.db;
    await enterValues(db, [...quantityRows('cds_1', '202406', { consultation: 5, delivery: 1 }), ...quantityRows('cds_2', '202406', { consultation: 5, delivery: 1 }, { consultation: 0, delivery: 1 })]);
    await setStatus(db, ['cds_1', 'cds_2'], '202406', 'validated');
    const before = await snapshot(db);
    const response = await run(validator, 'p1', '202406');
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error).toMatchObject({ code: 'INVOICE_RUN_FAILED', details: { errorCount: 1, errors: [{ code: 'DIV_ZERO', orgUnit: 'cds_2', period: '202406', activity: 'consultation' }] } });
    expect(error.message).toMatch(/failed with 1 engine error.*cds_2.*nothing was invoiced/);
    // The contract's schema of these details reads every field the server sends.
    expect(errorDetails.INVOICE_RUN_FAILED.parse(error.details)).toEqual(error.details);
    const [failed] = await db.select().from(invoiceRuns).where(eq(invoiceRuns.id, error.details.runId));
    expect(failed).toMatchObject({ status: 'failed', rootOrgUnitId: 'p1', period: '202406' });
    expect(await db.select().from(invoices).where(eq(invoices.runId, failed!.id))).toEqual([]);
    expect(await db.select().from(invoiceRunValues).where(eq(invoiceRunValues.runId, failed!.id))).toEqual([]);
    expect(await statusOf(db, 'cds_1', '202406')).toBe('validated');
    expect(await snapshot(db)).toEqual({ ...before, invoice_runs: before.invoice_runs! + 1, audit_log: before.audit_log! + 1 });

    // The same inputs fail the same way without recording another attempt.
    const replay = await run(validator, 'p1', '202406');
    expect(replay.json().error).toMatchObject({ code: 'INVOICE_RUN_FAILED', details: { runId: failed!.id } });
    expect((await snapshot(db)).invoice_runs).toBe(before.invoice_runs! + 1);
  });

  it('refuses to write a run when a status it read changed while it computed', async () => {
    const db = api.database.db;
    await enterValues(db, quantityRows('cds_1', '202402', { consultation: 1, delivery: 1 }));
    await setStatus(db, ['cds_1'], '202402', 'validated');
    const inputs = await loadRunInputs(db, { programmeId: PROGRAMME, rootOrgUnitId: 'd1', period: parsePeriod('202402')! });
    const computation = computeInvoices(inputs);
    if (!computation.ok) throw new Error('the run should compute');
    await setStatus(db, ['cds_1'], '202402', 'validated');
    const before = await snapshot(db);
    const write = db.transaction((tx) => writeRun(tx, actorWith(api.users.validator, 'validator'), { inputs, ...storable(computation), startedAt: new Date() }));
    await expect(write).rejects.toMatchObject({ status: 409, message: expect.stringContaining("'cds_1' 202402 package 'quantity' changed while the run was computing") });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses bad requests with a 4xx naming the field, and writes nothing', async () => {
    const db = api.database.db;
    const before = await snapshot(db);
    const cases: [Session, string, string, number, RegExp][] = [
      [validator, 'p1', '2024', 400, /^body.period: '2024' is not a month/],
      [validator, 'p1', '202413', 400, /^body.period: '202413' is not a month/],
      [validator, 'nowhere', '202401', 404, /org unit 'nowhere' not found/],
      [validator, 'p2', '202401', 403, /'invoice.prepare' on org unit 'p2'/],
      [await login(api.app, 'clerk'), 'p1', '202401', 403, /'invoice.prepare'/],
      [validator, 'p1', '202301', 404, /version of programme 'test_pbf' in force for 202301/],
    ];
    for (const [session, orgUnitId, period, status, message] of cases) {
      const response = await run(session, orgUnitId, period);
      expect(response.statusCode, `${orgUnitId} ${period}`).toBe(status);
      expect(response.json().error.message).toMatch(message);
    }
    const missing = await call(api.app, validator, 'POST', RUNS, { period: '202401' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('body.orgUnitId');
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists and shows runs only within the user’s subtrees', async () => {
    const other = await login(api.app, 'validator_p2');
    const p2 = (await run(other, 'p2', '202401')).json().run;
    expect(p2).toMatchObject({ rootOrgUnitId: 'p2', invoiceCount: 0, skipped: [{ orgUnitId: 'cds_3' }] });
    const mine = (await call(api.app, validator, 'GET', RUNS)).json();
    expect(mine.items.map((item: { rootOrgUnitId: string }) => item.rootOrgUnitId)).not.toContain('p2');
    expect(mine.items[0]).toMatchObject({ id: expect.any(Number), skippedCount: expect.any(Number), keptCount: expect.any(Number) });
    const page = (await call(api.app, validator, 'GET', `${RUNS}?period=202401&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ limit: 1, offset: 1, items: [{ period: '202401' }] });
    expect(page.total).toBeGreaterThan(1);
    expect((await call(api.app, validator, 'GET', `${RUNS}/${p2.id}`)).statusCode).toBe(403);
    expect((await call(api.app, validator, 'GET', `${RUNS}/99999`)).statusCode).toBe(404);
    expect((await call(api.app, other, 'GET', `${RUNS}/${p2.id}`)).json()).toMatchObject({ id: p2.id, diff: { previousRunId: null } });
  });
});
