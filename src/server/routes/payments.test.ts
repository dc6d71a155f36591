import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDetails } from '../../contract/errors.ts';
import { auditLog, invoices, paymentOrderLines, paymentOrders } from '../../store/schema.ts';
import { PROGRAMME, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus, snapshot, statusOf } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

describe.each(backends)('funders, payment orders and payments (%s)', (kind) => {
  let api: TestApi;
  let admin: Session;
  let designer: Session;
  let payer: Session;
  let preparer: Session;
  let approver: Session;
  /** Current invoice ids by facility and period. */
  const invoiceOf: Record<string, number> = {};

  /** Runs, and approves, the invoices of a subtree for a month from the given counts. */
  async function invoiceMonth(root: string, period: string, counts: Record<string, { consultation: number; delivery: number }>, approve = true) {
    const db = api.database.db;
    await enterValues(db, Object.entries(counts).flatMap(([unit, count]) => quantityRows(unit, period, count)));
    await setStatus(db, Object.keys(counts), period, 'validated');
    const session = root === 'p2' ? await login(api.app, 'validator_p2') : preparer;
    const run = (await runInvoicesAndWait(api.app, session, { orgUnitId: root, period })).json().run;
    const created = await db.select().from(invoices).where(eq(invoices.runId, run.id));
    for (const invoice of created) invoiceOf[`${invoice.orgUnitId}@${period}`] = invoice.id;
    if (approve) {
      const approver2 = root === 'p2' ? await login(api.app, 'validator_p2b') : approver;
      const response = await call(api.app, approver2, 'POST', `${BASE}/invoices/approve`, { invoiceIds: created.map((invoice) => invoice.id) });
      expect(response.statusCode).toBe(200);
    }
  }

  const order = (session: Session, body: object) => call(api.app, session, 'POST', `${BASE}/payment-orders`, body);
  const pay = (session: Session, payments: object[]) => call(api.app, session, 'POST', `${BASE}/payments`, { payments });
  const lineOf = async (invoiceId: number, funderId: string) =>
    (await api.database.db.select().from(paymentOrderLines).where(and(eq(paymentOrderLines.invoiceId, invoiceId), eq(paymentOrderLines.funderId, funderId))))[0]!;

  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator2', 'validator', 'p1');
    await addUser(api.database, 'validator_p2', 'validator', 'p2');
    await addUser(api.database, 'validator_p2b', 'validator', 'p2');
    const sessions = await Promise.all(['admin', 'designer', 'payer', 'validator', 'validator2'].map((name) => login(api.app, name)));
    [admin, designer, payer, preparer, approver] = sessions as [Session, Session, Session, Session, Session];
    await invoiceMonth('p1', '202401', { cds_1: { consultation: 100, delivery: 10 }, cds_2: { consultation: 50, delivery: 3 } });
    await invoiceMonth('p2', '202401', { cds_3: { consultation: 10, delivery: 1 } });
  });
  afterAll(() => api.close());

  describe('funders and shares', () => {
    it('lets the programme designer add and rename funders, audited', async () => {
      for (const [id, name] of [['gov', 'Government'], ['wb', 'World Bank'], ['eu', 'European Union']]) {
        expect((await call(api.app, designer, 'POST', `${BASE}/funders`, { id, name })).statusCode).toBe(201);
      }
      const renamed = await call(api.app, designer, 'PATCH', `${BASE}/funders/eu`, { name: 'EU', reason: 'short name on bank orders' });
      // Each funder says who may manage it: the national designer, not the payer.
      expect(renamed.json()).toEqual({ id: 'eu', name: 'EU', policies: { manage: true } });
      const readOnly = { policies: { manage: false } };
      expect((await call(api.app, payer, 'GET', `${BASE}/funders`)).json()).toEqual([
        { id: 'eu', name: 'EU', ...readOnly },
        { id: 'gov', name: 'Government', ...readOnly },
        { id: 'wb', name: 'World Bank', ...readOnly },
      ]);
      const [audit] = await api.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'funder'), eq(auditLog.action, 'update')));
      expect(audit).toMatchObject({ entityKey: 'eu', oldValue: { name: 'European Union' }, newValue: { name: 'EU' }, reason: 'short name on bank orders' });
    });

    it('refuses bad funders', async () => {
      const before = await snapshot(api.database.db);
      const duplicate = await call(api.app, designer, 'POST', `${BASE}/funders`, { id: 'gov', name: 'Again' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.message).toBe("id: funder 'gov' already exists");
      expect((await call(api.app, designer, 'POST', `${BASE}/funders`, { id: 'a b', name: 'X' })).json().error.message).toContain('body.id');
      expect((await call(api.app, payer, 'POST', `${BASE}/funders`, { id: 'x', name: 'X' })).statusCode).toBe(403);
      expect((await call(api.app, designer, 'PATCH', `${BASE}/funders/nobody`, { name: 'X' })).statusCode).toBe(404);
      expect(await snapshot(api.database.db)).toEqual(before);
    });

    it('adds shares per subtree, payment and period', async () => {
      const national = [['gov', '0.333333'], ['wb', '0.333333'], ['eu', 0.333334]] as const;
      for (const [funderId, share] of national) {
        const response = await call(api.app, admin, 'POST', `${BASE}/funder-shares`, { funderId, orgUnitId: 'bi', share, validFrom: '202401', validTo: '202402' });
        expect(response.statusCode).toBe(201);
      }
      const province = await call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: 'eu', orgUnitId: 'p1', payment: 'monthly', share: '1', validFrom: '202402' });
      expect(province.json()).toMatchObject({ funderId: 'eu', orgUnitId: 'p1', payment: 'monthly', share: '1.000000', validFrom: '202402', validTo: null });
      const listed = (await call(api.app, payer, 'GET', `${BASE}/funder-shares?orgUnitId=bi`)).json();
      expect(listed).toMatchObject({ total: 3, items: [{ funderId: 'gov', share: '0.333333' }, { funderId: 'wb' }, { funderId: 'eu', share: '0.333334' }] });
    });

    it('refuses shares that are malformed, given from a province, or would exceed 1', async () => {
      await addUser(api.database, 'designer_p1', 'designer', 'p1');
      const provincialDesigner = await login(api.app, 'designer_p1');
      const before = await snapshot(api.database.db);
      const share = (body: object) => call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: 'gov', orgUnitId: 'd1', share: '0.5', validFrom: '202401', ...body });
      const cases: [object, number, string][] = [
        [{ funderId: 'nobody' }, 400, "funderId: unknown funder 'nobody'"],
        [{ share: '1.5' }, 400, "share: '1.5' must be a fraction above 0 and at most 1, with at most 6 decimals"],
        [{ share: '0.1234567' }, 400, 'share: '],
        [{ share: 'half' }, 400, 'share: '],
        [{ share: 0 }, 400, 'share: '],
        [{ validFrom: '2024-01' }, 400, "validFrom: '2024-01' is not a DHIS2 period"],
        [{ validTo: '202312' }, 400, "validTo: '202312' ends before validFrom '202401'"],
        [{ payment: 'yearly' }, 400, "payment: 'yearly' is not a payment of any version of programme 'test_pbf'"],
        [{ orgUnitId: 'nowhere' }, 404, "org unit 'nowhere' not found"],
      ];
      for (const [body, status, message] of cases) {
        const response = await share(body);
        expect(response.statusCode, JSON.stringify(body)).toBe(status);
        expect(response.json().error.message).toContain(message);
      }
      expect((await call(api.app, payer, 'POST', `${BASE}/funder-shares`, { funderId: 'gov', orgUnitId: 'd1', share: '1', validFrom: '202401' })).statusCode).toBe(403);
      // Shares are national money: a designer of one province may not give one, even on their own province.
      const provincial = await call(api.app, provincialDesigner, 'POST', `${BASE}/funder-shares`, { funderId: 'gov', orgUnitId: 'd1', share: '1', validFrom: '202401' });
      expect(provincial.statusCode).toBe(403);
      expect(provincial.json().error.message).toBe("your roles do not allow 'funders.manage' at the root of the tree in programme 'test_pbf'");
      expect(await snapshot(api.database.db)).toEqual(before);

      expect((await share({ share: '0.6', validTo: '202406' })).statusCode).toBe(201);
      const again = await share({ validFrom: '202405' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/^funderId: funder 'gov' already has share \d+ of 'd1' \(every payment\) in part of that time$/);
      const over = await share({ funderId: 'wb', share: '0.5', validFrom: '202403' });
      expect(over.statusCode).toBe(409);
      expect(over.json().error.message).toBe("share: the shares of 'd1' (every payment) would total 1.1 in 202403, above 1");
      // After the first share ends, the same funder and larger shares fit.
      expect((await share({ funderId: 'wb', share: '0.4', validFrom: '202403' })).statusCode).toBe(201);
      expect((await share({ validFrom: '202407', share: '0.6' })).statusCode).toBe(201);
    });

    it('ends and deletes shares with a reason, audited', async () => {
      const d1 = (await call(api.app, designer, 'GET', `${BASE}/funder-shares?orgUnitId=d1`)).json().items;
      const wb = d1.find((row: { funderId: string }) => row.funderId === 'wb');
      const ended = await call(api.app, designer, 'PATCH', `${BASE}/funder-shares/${wb.id}`, { validTo: '202406', reason: 'agreement ends' });
      expect(ended.json()).toMatchObject({ id: wb.id, validTo: '202406' });
      expect((await call(api.app, designer, 'PATCH', `${BASE}/funder-shares/${wb.id}`, { validTo: '202301' })).json().error.message).toBe(
        "validTo: '202301' ends before the share's validFrom '202403'",
      );
      expect((await call(api.app, designer, 'PATCH', `${BASE}/funder-shares/99999`, { validTo: '202412' })).json().error.message).toBe('funder share 99999 not found');
      expect((await call(api.app, designer, 'DELETE', `${BASE}/funder-shares/${wb.id}`, {})).statusCode).toBe(400);
      for (const row of d1) {
        expect((await call(api.app, designer, 'DELETE', `${BASE}/funder-shares/${row.id}`, { reason: 'entered on the wrong district' })).statusCode).toBe(204);
      }
      expect((await call(api.app, designer, 'DELETE', `${BASE}/funder-shares/${wb.id}`, { reason: 'again' })).statusCode).toBe(404);
      const audit = await api.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'funder_share'), eq(auditLog.entityKey, String(wb.id))));
      expect(audit.map((entry) => [entry.action, entry.reason])).toEqual([
        ['create', null],
        ['update', 'agreement ends'],
        ['delete', 'entered on the wrong district'],
      ]);
    });
  });

  describe('payment orders', () => {
    it('previews, writing nothing, what approving or ordering moves: the invoices’ total and each funder’s part', async () => {
      const db = api.database.db;
      const before = await snapshot(db);
      const ids = [invoiceOf['cds_1@202401'], invoiceOf['cds_2@202401']];
      const parts = await call(api.app, payer, 'POST', `${BASE}/invoices/funders-parts`, { invoiceIds: ids });
      expect(parts.statusCode, parts.body).toBe(200);
      expect(parts.json()).toEqual({
        invoices: 2,
        total: '154500.00',
        funders: [
          { funderId: 'eu', amount: '51500.00', invoices: 2 },
          { funderId: 'gov', amount: '51500.00', invoices: 2 },
          { funderId: 'wb', amount: '51500.00', invoices: 2 },
        ],
        unsplit: [],
      });
      const preview = await call(api.app, payer, 'GET', `${BASE}/payment-orders/preview?orgUnitId=p1&period=202401`);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toEqual({ ...parts.json(), skipped: 0 });
      expect(await snapshot(db)).toEqual(before);
      // An invoice outside the reader's subtrees, or a subtree it does not read, is refused, naming it.
      const outside = await call(api.app, payer, 'POST', `${BASE}/invoices/funders-parts`, { invoiceIds: [ids[0], invoiceOf['cds_3@202401']] });
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.message).toBe(`invoiceIds[1]: your roles do not allow 'read' on org unit 'cds_3' (invoice ${invoiceOf['cds_3@202401']})`);
      expect((await call(api.app, payer, 'POST', `${BASE}/invoices/funders-parts`, { invoiceIds: [99999] })).statusCode).toBe(404);
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-orders/preview?orgUnitId=p2&period=202401`)).statusCode).toBe(403);
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-orders/preview?orgUnitId=p1&period=2024`)).statusCode).toBe(400);
    });

    it('splits approved invoices by funder share, one order per funder, lines summing exactly to each invoice', async () => {
      const db = api.database.db;
      const response = await order(payer, { orgUnitId: 'p1', period: '202401' });
      expect(response.statusCode).toBe(201);
      const { orders, skipped } = response.json();
      expect(skipped).toEqual([]);
      expect(orders.map((o: { funderId: string; total: string; lineCount: number }) => [o.funderId, o.total, o.lineCount])).toEqual([
        ['eu', '51500.00', 2],
        ['gov', '51500.00', 2],
        ['wb', '51500.00', 2],
      ]);
      // 115000 × 0.333333 rounds to 38333 for each; the largest share (eu) takes the remaining unit.
      expect((await lineOf(invoiceOf['cds_1@202401']!, 'eu')).amount).toBe('38334.00');
      expect((await lineOf(invoiceOf['cds_1@202401']!, 'gov')).amount).toBe('38333.00');
      // 39500 × 0.333333 rounds up to 13167 for each; eu gives the extra unit back.
      expect((await lineOf(invoiceOf['cds_2@202401']!, 'eu')).amount).toBe('13166.00');
      const [ordered] = await db.select().from(invoices).where(eq(invoices.id, invoiceOf['cds_1@202401']!));
      expect(ordered!.status).toBe('ordered');
      expect(await statusOf(db, 'cds_1', '202401')).toBe('ordered');
      const detail = (await call(api.app, payer, 'GET', `${BASE}/payment-orders/${orders[1].id}`)).json();
      expect(detail).toMatchObject({ funderId: 'gov', period: '202401', orgUnitId: 'p1', total: '51500.00', lines: { total: 2, items: [{ orgUnitId: 'cds_1', amount: '38333.00', paid: '0.00', outstanding: '38333.00' }, { orgUnitId: 'cds_2' }] } });
      const audit = await db.select().from(auditLog).where(eq(auditLog.entity, 'payment_order'));
      expect(audit).toHaveLength(3);
      expect(audit[0]).toMatchObject({ action: 'order', oldValue: { status: 'approved' }, newValue: { status: 'ordered', funderId: 'eu', total: '51500.00' } });
    });

    it('orders an invoice once', async () => {
      const before = await snapshot(api.database.db);
      const again = await order(payer, { orgUnitId: 'p1', period: '202401' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe("no approved invoice with an amount to pay in 'p1' for 202401");
      const named = await order(payer, { orgUnitId: 'p1', period: '202401', invoiceIds: [invoiceOf['cds_2@202401']] });
      expect(named.statusCode).toBe(409);
      expect(named.json().error.message).toBe(`invoiceIds[0]: invoice ${invoiceOf['cds_2@202401']} is already ordered`);
      expect(await snapshot(api.database.db)).toEqual(before);
    });

    it('takes the shares of the deepest subtree, for the payment they name', async () => {
      await invoiceMonth('p1', '202402', { cds_1: { consultation: 4, delivery: 0 } });
      const { orders } = (await order(payer, { orgUnitId: 'p1', period: '202402', invoiceIds: [invoiceOf['cds_1@202402']] })).json();
      expect(orders).toMatchObject([{ funderId: 'eu', total: '1000.00', lineCount: 1 }]);
    });

    it('refuses invoices it cannot order, naming them, and writes nothing', async () => {
      const db = api.database.db;
      await invoiceMonth('p1', '202403', { cds_1: { consultation: 8, delivery: 0 } }, false);
      await invoiceMonth('p1', '202404', { cds_2: { consultation: 8, delivery: 0 } });
      const before = await snapshot(db);
      const cases: [Session, object, number, string][] = [
        [payer, { orgUnitId: 'p1', period: '202403', invoiceIds: [99999] }, 404, 'invoiceIds[0]: invoice 99999 not found'],
        [payer, { orgUnitId: 'd1', period: '202401', invoiceIds: [invoiceOf['cds_3@202401']] }, 400, `invoiceIds[0]: invoice ${invoiceOf['cds_3@202401']} of 'cds_3' is not in the subtree of 'd1'`],
        [payer, { orgUnitId: 'p1', period: '202403', invoiceIds: [invoiceOf['cds_2@202404']] }, 400, `invoiceIds[0]: invoice ${invoiceOf['cds_2@202404']} is for 202404, not 202403`],
        [payer, { orgUnitId: 'p1', period: '202403', invoiceIds: [invoiceOf['cds_1@202403']] }, 409, `invoiceIds[0]: invoice ${invoiceOf['cds_1@202403']} is not approved`],
        [payer, { orgUnitId: 'p1', period: '2024' }, 400, "body.period: '2024' is not a month"],
        [payer, { orgUnitId: 'p2', period: '202401' }, 403, "'payment.order' on org unit 'p2'"],
        [preparer, { orgUnitId: 'p1', period: '202404' }, 403, "'payment.order'"],
      ];
      for (const [session, body, status, message] of cases) {
        const response = await order(session, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(status);
        expect(response.json().error.message).toContain(message);
      }
      expect(await snapshot(db)).toEqual(before);
    });

    it('refuses with 422 invoices whose funder shares do not sum to 1', async () => {
      await call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: 'gov', orgUnitId: 'd1', share: '0.5', validFrom: '202404', validTo: '202404' });
      const before = await snapshot(api.database.db);
      const response = await order(payer, { orgUnitId: 'p1', period: '202404' });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: 'FUNDER_SHARES',
        message: `invoice ${invoiceOf['cds_2@202404']} of 'cds_2' (payment 'monthly', 202404): the funder shares of 'd1' total 0.5, not 1`,
        details: [{ invoiceId: invoiceOf['cds_2@202404'], orgUnitId: 'cds_2' }],
      });
      expect(await snapshot(api.database.db)).toEqual(before);
    });

    it('leaves out invoices with nothing to pay, and refuses one named', async () => {
      await invoiceMonth('p1', '202405', { cds_1: { consultation: 0, delivery: 0 }, cds_2: { consultation: 4, delivery: 0 } });
      const zero = invoiceOf['cds_1@202405']!;
      const named = await order(payer, { orgUnitId: 'p1', period: '202405', invoiceIds: [zero] });
      expect(named.statusCode).toBe(422);
      expect(named.json().error).toMatchObject({ code: 'NOTHING_TO_PAY', message: `invoiceIds[0]: invoice ${zero} has nothing to pay (amount 0.00)` });
      const response = await order(payer, { orgUnitId: 'p1', period: '202405' });
      expect(response.json()).toMatchObject({ orders: [{ funderId: 'eu', total: '1000.00', lineCount: 1 }], skipped: [{ invoiceId: zero, orgUnitId: 'cds_1', amount: '0.00' }] });
      const [left] = await api.database.db.select().from(invoices).where(eq(invoices.id, zero));
      expect(left!.status).toBe('approved');
    });

    it('lists orders within the user’s subtrees', async () => {
      const listed = (await call(api.app, payer, 'GET', `${BASE}/payment-orders?period=202401`)).json();
      expect(listed).toMatchObject({ total: 3, items: [{ funderId: 'wb' }, { funderId: 'gov' }, { funderId: 'eu' }] });
      // The payer of the subtree may cancel a live order nothing was paid on and pay it; the committee reads it only.
      expect(listed.items[0].policies).toEqual({ cancel: true, cancelRefusal: null, recordPayment: true });
      expect((await call(api.app, approver, 'GET', `${BASE}/payment-orders/${listed.items[0].id}`)).json().policies).toEqual({ cancel: false, cancelRefusal: 'notAllowed', recordPayment: false });
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-orders?funderId=eu`)).json().total).toBe(3);
      expect((await call(api.app, await login(api.app, 'validator_p2'), 'GET', `${BASE}/payment-orders`)).json().total).toBe(0);
      expect((await call(api.app, await login(api.app, 'validator_p2'), 'GET', `${BASE}/payment-orders/${listed.items[0].id}`)).statusCode).toBe(403);
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-orders/99999`)).statusCode).toBe(404);
    });
  });

  describe('payments, delays and arrears', () => {
    let orderOf: Record<string, number>;
    beforeAll(async () => {
      const items = (await call(api.app, payer, 'GET', `${BASE}/payment-orders?period=202401`)).json().items as { id: number; funderId: string }[];
      orderOf = Object.fromEntries(items.map((item) => [item.funderId, item.id]));
    });
    const line = (funderId: string, unit: string, amount: string, paidOn: string) => ({
      orderId: orderOf[funderId],
      invoiceId: invoiceOf[`${unit}@202401`],
      amount,
      paidOn,
      reference: `TRF-${funderId}-${unit}-${paidOn}`,
    });

    it('records part payments, and refuses bad ones naming the payment and field, all or none', async () => {
      const db = api.database.db;
      const first = await pay(payer, [line('gov', 'cds_1', '20000', '2024-02-20')]);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ paymentIds: [expect.any(Number)], paidInvoiceIds: [] });
      // Money paid on an order: it can no longer be cancelled, only paid on.
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-orders/${orderOf.gov}`)).json().policies).toEqual({ cancel: false, cancelRefusal: 'paid', recordPayment: true });
      const before = await snapshot(db);
      const cases: [Session, object[], number, string][] = [
        [payer, [line('gov', 'cds_1', '18334', '2024-03-10')], 400, `payments[0].amount: 18334 would overpay the line of invoice ${invoiceOf['cds_1@202401']} in payment order ${orderOf.gov} (ordered 38333.00, paid before 20000.00, due 18333.00)`],
        [payer, [line('gov', 'cds_1', '10000', '2024-03-10'), line('gov', 'cds_1', '10000', '2024-03-11')], 400, 'payments[1].amount: 10000 would overpay'],
        [payer, [line('wb', 'cds_1', '10.5', '2024-03-10')], 400, "payments[0].amount: '10.5' must be a positive amount with at most 0 decimals"],
        [payer, [line('wb', 'cds_1', '0', '2024-03-10')], 400, 'payments[0].amount: '],
        [payer, [line('wb', 'cds_1', '-5', '2024-03-10')], 400, 'payments[0].amount: '],
        [payer, [line('wb', 'cds_1', '5', '2999-01-01')], 400, 'payments[0].paidOn: 2999-01-01 is in the future'],
        [payer, [line('wb', 'cds_1', '5', '10/03/2024')], 400, 'body.payments.0.paidOn'],
        [payer, [{ ...line('wb', 'cds_1', '5', '2024-03-10'), orderId: orderOf.gov, invoiceId: invoiceOf['cds_3@202401'] }], 404, `payments[0]: a line for invoice ${invoiceOf['cds_3@202401']} in payment order ${orderOf.gov} not found`],
        [preparer, [line('wb', 'cds_1', '5', '2024-03-10')], 403, "'payment.record'"],
      ];
      for (const [session, payments, status, message] of cases) {
        const response = await pay(session, payments);
        expect(response.statusCode, message).toBe(status);
        expect(response.json().error.message).toContain(message);
      }
      // An overpayment answers its own code with the figures a screen words in its reader's language.
      const over = (await pay(payer, [line('gov', 'cds_1', '10000', '2024-03-10'), line('gov', 'cds_1', '10000', '2024-03-11')])).json().error;
      expect(over.code).toBe('OVERPAYMENT');
      expect(over.details).toEqual([
        {
          at: 'payments[1].amount',
          orderId: orderOf.gov,
          invoiceId: invoiceOf['cds_1@202401'],
          orgUnitId: 'cds_1',
          funderId: 'gov',
          amount: '10000',
          ordered: '38333.00',
          paidBefore: '30000.00',
          due: '8333.00',
        },
      ]);
      // The contract's schema of these details reads every field the server sends.
      expect(errorDetails.OVERPAYMENT.parse(over.details)).toEqual(over.details);
      expect(await snapshot(db)).toEqual(before);
    });

    it('marks an invoice paid when every line of it is fully paid', async () => {
      const db = api.database.db;
      const partial = await pay(payer, [line('gov', 'cds_1', '18333', '2024-03-10'), line('wb', 'cds_1', '38333', '2024-03-05')]);
      expect(partial.json().paidInvoiceIds).toEqual([]);
      const last = await pay(payer, [line('eu', 'cds_1', '38334', '2024-03-15')]);
      expect(last.json().paidInvoiceIds).toEqual([invoiceOf['cds_1@202401']]);
      const [paid] = await db.select().from(invoices).where(eq(invoices.id, invoiceOf['cds_1@202401']!));
      expect(paid!.status).toBe('paid');
      expect(await statusOf(db, 'cds_1', '202401')).toBe('paid');
      const listed = (await call(api.app, payer, 'GET', `${BASE}/payments?invoiceId=${invoiceOf['cds_1@202401']}`)).json();
      expect(listed.items.map((p: { funderId: string; amount: string; paidOn: string }) => [p.funderId, p.amount, p.paidOn])).toEqual([
        ['gov', '20000.00', '2024-02-20'],
        ['gov', '18333.00', '2024-03-10'],
        ['wb', '38333.00', '2024-03-05'],
        ['eu', '38334.00', '2024-03-15'],
      ]);
      const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoice'), eq(auditLog.action, 'pay')));
      expect(audit).toMatchObject([{ entityKey: String(invoiceOf['cds_1@202401']), oldValue: { status: 'ordered' }, newValue: { status: 'paid' } }]);
    });

    it('measures each funder’s part when that part is paid, from the end of the period and from the order, and parts unpaid as running', async () => {
      // The orders were given on 10 February 2024 (the test writes them today).
      await api.database.db.update(paymentOrders).set({ createdAt: new Date('2024-02-10T09:00:00Z') });
      const delays = (await call(api.app, payer, 'GET', `${BASE}/payment-delays?orgUnitId=cds_1&period=202401&asOf=2024-04-30`)).json();
      // January ends on the 31st: the World Bank paid in full on 5 March, the government on 10 March, the EU on 15 March.
      expect(delays.items).toMatchObject([
        { invoiceId: invoiceOf['cds_1@202401'], funderId: 'eu', amount: '38334.00', paid: '38334.00', orderedOn: '2024-02-10', paidOn: '2024-03-15', delayDays: 44, orderDays: 34 },
        { funderId: 'gov', amount: '38333.00', paidOn: '2024-03-10', delayDays: 39, orderDays: 29 },
        { funderId: 'wb', amount: '38333.00', paidOn: '2024-03-05', delayDays: 34, orderDays: 24 },
      ]);
      expect(delays).toMatchObject({ total: 3, paidParts: 3, averageDays: 39, maxDays: 44, averageOrderDays: 29, running: 0, maxRunningDays: null });
      // On 12 March the EU's part was still unpaid: a running delay, counted to that day; the other two count already.
      const before = (await call(api.app, payer, 'GET', `${BASE}/payment-delays?orgUnitId=cds_1&period=202401&asOf=2024-03-12`)).json();
      expect(before).toMatchObject({ total: 3, paidParts: 2, averageDays: 36.5, maxDays: 39, running: 1, maxRunningDays: 41 });
      expect(before.items[0]).toMatchObject({ funderId: 'eu', paid: '0.00', paidOn: null, delayDays: 41, orderDays: 31 });
      const gov = (await call(api.app, payer, 'GET', `${BASE}/payment-delays?orgUnitId=cds_1&funderId=gov&asOf=2024-04-30`)).json();
      expect(gov.items).toMatchObject([{ orgUnitId: 'cds_1', funderId: 'gov', paidOn: '2024-03-10', delayDays: 39 }]);
      // February's part is ordered and unpaid: a running delay, 61 days after the 29th.
      const february = (await call(api.app, payer, 'GET', `${BASE}/payment-delays?period=202402&asOf=2024-04-30`)).json();
      expect(february).toMatchObject({ paidParts: 0, running: february.total, averageDays: null, maxRunningDays: 61 });
      expect((await call(api.app, await login(api.app, 'validator_p2'), 'GET', `${BASE}/payment-delays`)).json().total).toBe(0);
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-delays?orgUnitId=p2`)).statusCode).toBe(403);
      expect((await call(api.app, payer, 'GET', `${BASE}/payment-delays?asOf=31/03/2024`)).statusCode).toBe(400);
    });

    it('reports arrears per funder and period: ordered minus paid as of a date, with days overdue', async () => {
      const arrears = (await call(api.app, await login(api.app, 'auditor'), 'GET', `${BASE}/arrears?asOf=2024-03-12`)).json();
      expect(arrears).toMatchObject({ asOf: '2024-03-12', total: 4 });
      expect(arrears.items).toEqual([
        // eu's payment of 15 March is after the date asked.
        { funderId: 'eu', funderName: 'EU', period: '202401', ordered: '51500.00', paid: '0.00', outstanding: '51500.00', linesOutstanding: 2, periodEnd: '2024-01-31', daysOverdue: 41 },
        { funderId: 'eu', funderName: 'EU', period: '202402', ordered: '1000.00', paid: '0.00', outstanding: '1000.00', linesOutstanding: 1, periodEnd: '2024-02-29', daysOverdue: 12 },
        { funderId: 'gov', funderName: 'Government', period: '202401', ordered: '51500.00', paid: '38333.00', outstanding: '13167.00', linesOutstanding: 1, periodEnd: '2024-01-31', daysOverdue: 41 },
        { funderId: 'wb', funderName: 'World Bank', period: '202401', ordered: '51500.00', paid: '38333.00', outstanding: '13167.00', linesOutstanding: 1, periodEnd: '2024-01-31', daysOverdue: 41 },
      ]);
      const eu = (await call(api.app, payer, 'GET', `${BASE}/arrears?funderId=eu&asOf=2024-03-20&limit=1`)).json();
      expect(eu).toMatchObject({ total: 2, items: [{ period: '202401', outstanding: '13166.00', linesOutstanding: 1, daysOverdue: 49 }] });
      expect((await call(api.app, payer, 'GET', `${BASE}/arrears?orgUnitId=cds_1&asOf=2024-03-20`)).json().items.filter((row: { period: string }) => row.period === '202401')).toEqual([]);
      expect((await call(api.app, payer, 'GET', `${BASE}/arrears?asOf=yesterday`)).statusCode).toBe(400);
    });
  });
});
