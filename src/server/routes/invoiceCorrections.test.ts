import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invoices, paymentOrderLines, paymentOrders } from '../../store/schema.ts';
import { PROGRAMME, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus, statusOf } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

/** Corrections after the lock: the approver rejects a prepared invoice, the payer cancels an unpaid order. */
describe.each(backends)('invoice and order corrections (%s)', (kind) => {
  let api: TestApi;
  let preparer: Session;
  let approver: Session;
  let payer: Session;

  const run = async (period: string) => (await runInvoicesAndWait(api.app, preparer, { orgUnitId: 'p1', period })).json().run.id as number;
  const invoiceOf = async (orgUnitId: string, period: string, runId: number) =>
    (await api.database.db.select().from(invoices).where(and(eq(invoices.runId, runId), eq(invoices.orgUnitId, orgUnitId), eq(invoices.period, period))))[0]!;
  const reject = (session: Session, id: number, body: object) => call(api.app, session, 'POST', `${BASE}/invoices/${id}/reject`, body);
  const cancel = (id: number, body: object) => call(api.app, payer, 'POST', `${BASE}/payment-orders/${id}/cancel`, body);
  const order = (period: string) => call(api.app, payer, 'POST', `${BASE}/payment-orders`, { orgUnitId: 'p1', period });

  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator2', 'validator', 'p1');
    [preparer, approver, payer] = await Promise.all(['validator', 'validator2', 'payer'].map((name) => login(api.app, name))) as [Session, Session, Session];
    const designer = await login(api.app, 'designer');
    for (const [id, share] of [['gov', '0.6'], ['wb', '0.4']] as const) {
      await call(api.app, designer, 'POST', `${BASE}/funders`, { id, name: id });
      await call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: id, orgUnitId: 'bi', share, validFrom: '202401' });
    }
    for (const period of ['202401', '202402']) {
      await enterValues(api.database.db, [
        ...quantityRows('cds_1', period, { consultation: 100, delivery: 10 }),
        ...quantityRows('cds_2', period, { consultation: 50, delivery: 3 }),
      ]);
      await setStatus(api.database.db, ['cds_1', 'cds_2'], period, 'validated');
    }
  });
  afterAll(() => api.close());

  it('rejects a prepared invoice with a reason; its period goes back to validated, is unlocked, corrected and invoiced again', async () => {
    const first = await invoiceOf('cds_1', '202401', await run('202401'));
    expect((await reject(payer, first.id, { reason: 'wrong count' })).statusCode).toBe(403);
    expect((await reject(approver, first.id, {})).json().error).toMatchObject({ code: 'VALIDATION' });
    const rejected = await reject(approver, first.id, { reason: 'consultations counted twice' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toEqual({ invoiceId: first.id, status: 'rejected', periodsReopened: 1 });
    expect(await statusOf(api.database.db, 'cds_1', '202401')).toBe('validated');
    expect(await statusOf(api.database.db, 'cds_2', '202401')).toBe('invoiced');
    expect((await call(api.app, approver, 'POST', `${BASE}/invoices/approve`, { invoiceIds: [first.id] })).statusCode).toBe(409);
    expect((await reject(approver, first.id, { reason: 'again' })).json().error.message).toBe(`invoice ${first.id} is rejected: only a prepared invoice can be rejected`);

    const current = (await call(api.app, approver, 'GET', `${BASE}/invoices?period=202401`)).json();
    expect(current.items.map((invoice: { orgUnitId: string }) => invoice.orgUnitId)).toEqual(['cds_2']);
    const listed = (await call(api.app, approver, 'GET', `${BASE}/invoices?period=202401&status=rejected`)).json();
    expect(listed.items).toMatchObject([{ id: first.id, status: 'rejected', rejectionReason: 'consultations counted twice', rejectedBy: expect.any(Number) }]);

    const unlock = await call(api.app, preparer, 'POST', `${BASE}/workflow/cds_1/202401/quantity/unlock`, { reason: 'consultations counted twice' });
    expect(unlock.json()).toMatchObject({ status: 'verified' });
    // The test programme pays the verified figure: the committee returns the verification, the verifier recounts.
    const step = (session: Session, name: string, body?: object) => call(api.app, session, 'POST', `${BASE}/workflow/cds_1/202401/quantity/${name}`, body);
    expect((await step(preparer, 'return-verification', { reason: 'recount the consultations' })).json()).toMatchObject({ status: 'declared' });
    const verifier = await login(api.app, 'verifier');
    const corrected = await call(api.app, verifier, 'PUT', `${BASE}/data-values/cds_1/202401/consultation/verified`, { value: 95, version: 1 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await step(verifier, 'verify')).statusCode).toBe(200);
    expect((await step(preparer, 'validate')).statusCode).toBe(200);
    const again = await invoiceOf('cds_1', '202401', await run('202401'));
    expect(again).toMatchObject({ status: 'prepared', supersededBy: null });
    expect(Number(again.amount)).toBeLessThan(Number(first.amount));
    expect((await api.database.db.select().from(invoices).where(eq(invoices.id, first.id)))[0]).toMatchObject({ status: 'rejected', amount: first.amount });
    const [audit] = await api.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoice'), eq(auditLog.action, 'reject')));
    expect(audit).toMatchObject({ entityKey: String(first.id), orgUnitId: 'cds_1', reason: 'consultations counted twice', oldValue: { status: 'prepared', amount: first.amount } });
  });

  it('never rejects an approved invoice: a correction after approval is an adjustment', async () => {
    const ids = (await call(api.app, approver, 'GET', `${BASE}/invoices?period=202401`)).json().items.map((invoice: { id: number }) => invoice.id);
    expect((await call(api.app, approver, 'POST', `${BASE}/invoices/approve`, { invoiceIds: ids })).statusCode).toBe(200);
    const refused = await reject(approver, ids[0], { reason: 'too late' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('a correction after approval is an adjustment on a later invoice');
  });

  it('cancels an order nothing was paid on, keeps it marked, and orders that funder’s part again for the same amount', async () => {
    const orders = (await order('202401')).json().orders as { id: number; funderId: string; total: string }[];
    const [gov, wb] = [orders.find((o) => o.funderId === 'gov')!, orders.find((o) => o.funderId === 'wb')!];
    const wbLine = (await api.database.db.select().from(paymentOrderLines).where(eq(paymentOrderLines.orderId, wb.id)))[0]!;
    const paid = await call(api.app, payer, 'POST', `${BASE}/payments`, {
      payments: [{ orderId: wb.id, invoiceId: wbLine.invoiceId, paidOn: '2024-02-10', amount: '1', reference: 'WB-1' }],
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const paidOrder = await cancel(wb.id, { reason: 'wrong bank' });
    expect(paidOrder.statusCode).toBe(409);
    expect(paidOrder.json().error.message).toContain('has 1 payment(s) recorded: what was paid stays paid');
    expect((await call(api.app, preparer, 'POST', `${BASE}/payment-orders/${gov.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await cancel(gov.id, {})).statusCode).toBe(400);

    const cancelled = await cancel(gov.id, { reason: 'issued on the wrong budget line' });
    expect(cancelled.json()).toEqual({ orderId: gov.id, invoicesReopened: [] });
    expect((await cancel(gov.id, { reason: 'twice' })).statusCode).toBe(409);
    const listed = (await call(api.app, payer, 'GET', `${BASE}/payment-orders/${gov.id}`)).json();
    expect(listed).toMatchObject({ cancellationReason: 'issued on the wrong budget line', cancelledAt: expect.any(String) });
    const govLine = (await api.database.db.select().from(paymentOrderLines).where(eq(paymentOrderLines.orderId, gov.id)))[0]!;
    const onCancelled = await call(api.app, payer, 'POST', `${BASE}/payments`, {
      payments: [{ orderId: gov.id, invoiceId: govLine.invoiceId, paidOn: '2024-02-10', amount: '1', reference: 'G-1' }],
    });
    expect(onCancelled.statusCode).toBe(409);
    expect(onCancelled.json().error.message).toBe(`payments[0]: payment order ${gov.id} was cancelled; pay the order that replaced it`);

    const reordered = (await order('202401')).json().orders;
    expect(reordered).toMatchObject([{ funderId: 'gov', total: gov.total }]);
    expect((await order('202401')).statusCode).toBe(409);
  });

  it('puts back to approved, with their periods, the invoices a cancellation leaves unordered', async () => {
    const runId = await run('202402');
    const created = await api.database.db.select().from(invoices).where(eq(invoices.runId, runId));
    await call(api.app, approver, 'POST', `${BASE}/invoices/approve`, { invoiceIds: created.map((invoice) => invoice.id) });
    const orders = (await order('202402')).json().orders as { id: number }[];
    expect((await cancel(orders[0]!.id, { reason: 'duplicate' })).json().invoicesReopened).toEqual([]);
    const last = await cancel(orders[1]!.id, { reason: 'duplicate' });
    expect(last.json().invoicesReopened).toEqual(created.map((invoice) => invoice.id).sort((a, b) => a - b));
    expect(await statusOf(api.database.db, 'cds_1', '202402')).toBe('approved');
    expect((await api.database.db.select().from(invoices).where(eq(invoices.runId, runId))).map((invoice) => invoice.status)).toEqual(['approved', 'approved']);
    const again = (await order('202402')).json().orders as { funderId: string }[];
    expect(again.map((o) => o.funderId)).toEqual(['gov', 'wb']);
    expect(await statusOf(api.database.db, 'cds_1', '202402')).toBe('ordered');
    const cancelledOrders = await api.database.db.select().from(paymentOrders).where(eq(paymentOrders.period, '202402'));
    expect(cancelledOrders.filter((o) => o.cancelledAt !== null)).toHaveLength(2);
  });
});
