import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invoices } from '../../store/schema.ts';
import { PROGRAMME, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus, snapshot, statusOf } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

describe.each(backends)('invoices: approval, lists and provenance (%s)', (kind) => {
  let api: TestApi;
  let preparer: Session;
  let second: Session;
  /** Invoice ids of January by facility, from the first run. */
  const january: Record<string, number> = {};
  let p2Invoice: number;

  const approve = (session: Session, invoiceIds: number[], reason?: string) =>
    call(api.app, session, 'POST', `${BASE}/invoices/approve`, { invoiceIds, ...(reason ? { reason } : {}) });

  beforeAll(async () => {
    api = await testApi(kind);
    const db = api.database.db;
    await addUser(api.database, 'validator2', 'validator', 'p1');
    await addUser(api.database, 'validator_p2', 'validator', 'p2');
    await enterValues(db, [
      ...quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }),
      ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 }),
      ...quantityRows('cds_3', '202401', { consultation: 10, delivery: 1 }),
    ]);
    await setStatus(db, ['cds_1', 'cds_2', 'cds_3'], '202401', 'validated');
    preparer = await login(api.app, 'validator');
    second = await login(api.app, 'validator2');
    await runInvoicesAndWait(api.app, preparer, { orgUnitId: 'p1', period: '202401' });
    const p2Run = await runInvoicesAndWait(api.app, await login(api.app, 'validator_p2'), { orgUnitId: 'p2', period: '202401' });
    p2Invoice = (await db.select().from(invoices).where(eq(invoices.runId, p2Run.json().run.id)))[0]!.id;
    for (const invoice of await db.select().from(invoices).where(eq(invoices.period, '202401'))) january[invoice.orgUnitId] = invoice.id;
  });
  afterAll(() => api.close());

  it('lists current invoices in the user’s scope, filtered and paged', async () => {
    const all = (await call(api.app, preparer, 'GET', `${BASE}/invoices`)).json();
    expect(all).toMatchObject({ total: 2, items: [{ orgUnitId: 'cds_1', amount: '115000.00', status: 'prepared' }, { orgUnitId: 'cds_2', amount: '39500.00' }] });
    const paged = (await call(api.app, preparer, 'GET', `${BASE}/invoices?limit=1&offset=1`)).json();
    expect(paged).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ orgUnitId: 'cds_2' }] });
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices?orgUnitId=cds_2`)).json().items).toHaveLength(1);
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices?status=approved`)).json().total).toBe(0);
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices?period=202402`)).json().total).toBe(0);
    expect((await call(api.app, await login(api.app, 'auditor'), 'GET', `${BASE}/invoices`)).json().total).toBe(2);
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices?orgUnitId=p2`)).statusCode).toBe(403);
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices?status=lost`)).statusCode).toBe(400);
  });

  it('shows an invoice with every value its run computed for the unit', async () => {
    const response = await call(api.app, await login(api.app, 'clerk'), 'GET', `${BASE}/invoices/${january.cds_1}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: january.cds_1, orgUnitId: 'cds_1', payment: 'monthly', amount: '115000.00', supersededBy: null });
    expect(body.values).toContainEqual({ period: '202401', name: 'monthly.to_pay', value: 115_000 });
    expect(body.values).toContainEqual({ period: '202401', name: 'quantity.delivery.amount', value: 90_000 });
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices/${p2Invoice}`)).statusCode).toBe(403);
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices/99999`)).json().error).toMatchObject({ code: 'NOT_FOUND', message: 'invoice 99999 not found' });
  });

  it('explains an invoice amount from the run’s stored inputs, and recomputes it identically', async () => {
    // Later edits of the live data do not change what the run read.
    await enterValues(api.database.db, quantityRows('cds_1', '202401', { consultation: 1, delivery: 1 }));
    const response = await call(api.app, await login(api.app, 'auditor'), 'GET', `${BASE}/invoices/${january.cds_1}/provenance`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ invoiceId: january.cds_1, orgUnitId: 'cds_1', period: '202401', name: 'monthly.to_pay', programmeVersion: 1, identical: true });
    expect(body.recomputedValue).toBe(body.storedValue);
    expect(body.recomputedValue).toBe(115_000);
    expect(body.explanation).toMatchObject({ name: 'monthly.to_pay', value: 115_000, formula: { text: 'quantity.total' }, program: { code: 'test_pbf', version: '1' } });

    const activity = (await call(api.app, preparer, 'GET', `${BASE}/invoices/${january.cds_1}/provenance?name=quantity.consultation.amount`)).json();
    expect(activity).toMatchObject({ name: 'quantity.consultation.amount', storedValue: 25_000, recomputedValue: 25_000, identical: true });
    expect(activity.explanation.formula).toMatchObject({ text: 'paid * tariff', substituted: '100 * 250' });

    const unknown = await call(api.app, preparer, 'GET', `${BASE}/invoices/${january.cds_1}/provenance?name=quantity.nothing`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("value 'quantity.nothing' of 'cds_1' for 202401 in invoice run 1 not found");
    expect((await call(api.app, preparer, 'GET', `${BASE}/invoices/${p2Invoice}/provenance`)).statusCode).toBe(403);
  });

  it('tells each reader what they may do with an invoice, as the approval will decide it', async () => {
    const policiesOf = async (session: Session) => (await call(api.app, session, 'GET', `${BASE}/invoices/${january.cds_1}`)).json().policies;
    // Four eyes: the preparer may reject their run but not approve it; the second member may do both.
    expect(await policiesOf(preparer)).toEqual({ approve: false, approveRefusal: 'preparedByYou', reject: true, correct: false });
    expect(await policiesOf(second)).toEqual({ approve: true, approveRefusal: null, reject: true, correct: false });
    expect(await policiesOf(await login(api.app, 'payer'))).toEqual({ approve: false, approveRefusal: 'notAllowed', reject: false, correct: false });
    const listed = (await call(api.app, second, 'GET', `${BASE}/invoices?period=202401&orgUnitId=cds_1`)).json();
    expect(listed.items[0].policies).toMatchObject({ approve: true });
  });

  it('refuses approval by the person who prepared the invoice', async () => {
    const before = await snapshot(api.database.db);
    const response = await approve(preparer, [january.cds_1!]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: `invoiceIds[0]: invoice ${january.cds_1} was prepared by you (invoice run 1); another member of the committee must approve it`,
    });
    expect(await snapshot(api.database.db)).toEqual(before);
  });

  it('approves with a second committee member, all or none, and audits each invoice', async () => {
    const db = api.database.db;
    const before = await snapshot(db);
    const mixed = await approve(second, [january.cds_1!, 99999]);
    expect(mixed.statusCode).toBe(404);
    expect(mixed.json().error).toMatchObject({ message: 'invoiceIds[1]: invoice 99999 not found', details: [{ at: 'invoiceIds[1]' }] });
    const outside = await approve(second, [january.cds_1!, p2Invoice]);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe(`invoiceIds[1]: your roles do not allow 'invoice.approve' on org unit 'cds_3' (invoice ${p2Invoice})`);
    expect((await approve(await login(api.app, 'payer'), [january.cds_1!])).statusCode).toBe(403);
    expect(await snapshot(db)).toEqual(before);

    const response = await approve(second, [january.cds_1!, january.cds_2!], 'checked against the verification report');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ approved: [january.cds_1, january.cds_2] });
    const [approved] = await db.select().from(invoices).where(eq(invoices.id, january.cds_1!));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: expect.any(Number) });
    expect(approved!.approvedAt).toBeInstanceOf(Date);
    expect(await statusOf(db, 'cds_1', '202401')).toBe('approved');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoice'), eq(auditLog.entityKey, String(january.cds_1))));
    expect(audit).toMatchObject([{ action: 'approve', oldValue: { status: 'prepared' }, newValue: { status: 'approved', amount: '115000.00' }, reason: 'checked against the verification report' }]);
  });

  it('refuses to approve an invoice twice, or one a later run replaced', async () => {
    // Approved: no longer approved nor rejected, but corrected by the committee.
    expect((await call(api.app, second, 'GET', `${BASE}/invoices/${january.cds_1}`)).json().policies).toEqual({ approve: false, approveRefusal: 'notPrepared', reject: false, correct: true });
    const again = await approve(second, [january.cds_1!]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`invoiceIds[0]: invoice ${january.cds_1} is already approved`);

    const db = api.database.db;
    await enterValues(db, quantityRows('cds_1', '202402', { consultation: 4, delivery: 0 }));
    await setStatus(db, ['cds_1'], '202402', 'validated');
    const first = (await runInvoicesAndWait(api.app, preparer, { orgUnitId: 'cds_1', period: '202402' })).json().run;
    const [old] = await db.select().from(invoices).where(eq(invoices.runId, first.id));
    await enterValues(db, quantityRows('cds_1', '202402', { consultation: 5, delivery: 0 }));
    const next = (await runInvoicesAndWait(api.app, preparer, { orgUnitId: 'cds_1', period: '202402' })).json().run;
    const replaced = await approve(second, [old!.id]);
    expect(replaced.statusCode).toBe(409);
    expect(replaced.json().error.message).toBe(`invoiceIds[0]: invoice ${old!.id} was replaced by invoice run ${next.id}; approve the current invoice`);
    const history = (await call(api.app, second, 'GET', `${BASE}/invoices?period=202402&includeSuperseded=true`)).json();
    expect(history.items[0].policies).toMatchObject({ approve: false, approveRefusal: 'replaced', reject: false, correct: false });
    expect(history.items.map((item: { amount: string; supersededBy: number | null }) => [item.amount, item.supersededBy])).toEqual([
      ['1000.00', next.id],
      ['1250.00', null],
    ]);
  });
});
