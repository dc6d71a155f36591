import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, login, testApi, type Session, type TestApi } from '../../test/support/api.ts';
import { backends } from '../../test/support/database.ts';
import { actorWith, addUser, enterValues, quantityRows, setStatus } from '../../test/support/invoices.ts';
import { approveInvoices } from '../domain/invoices/approveInvoices.ts';
import { runInvoices } from '../domain/invoices/runInvoices.ts';
import { addFunderShare } from '../domain/payments/addFunderShare.ts';
import { createFunder } from '../domain/payments/createFunder.ts';
import { markOutcomeUnknown } from '../domain/idempotency.ts';
import { orderPayments } from '../domain/payments/orderPayments.ts';
import { idempotencyKeys, invoices, payments } from '../store/schema.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

/** cds_1's January invoice, approved and ordered: a line the payer pays in parts. */
describe.each(backends)('idempotency keys (%s)', (kind) => {
  let api: TestApi;
  let payer: Session;
  let line: { orderId: number; invoiceId: number };
  beforeAll(async () => {
    api = await testApi(kind);
    const db = api.database.db;
    const national = (id: number, role: 'validator' | 'payer' | 'designer') => actorWith(id, role, 'bi', '/bi/');
    const designer = national(api.users.designer, 'designer');
    await db.transaction(async (tx) => {
      await createFunder(tx, designer, { programmeId: PROGRAMME, id: 'gov', name: 'Government' });
      await addFunderShare(tx, designer, { programmeId: PROGRAMME, funderId: 'gov', orgUnitId: 'bi', share: '1', validFrom: '202401' });
    });
    await enterValues(db, quantityRows('cds_1', '202401', { consultation: 10, delivery: 2 }));
    await setStatus(db, ['cds_1'], '202401', 'validated');
    const { run } = await runInvoices(db, national(await addUser(api.database, 'runner', 'validator', 'bi'), 'validator'), { programmeId: PROGRAMME, orgUnitId: 'cds_1', period: '202401' });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.runId, run.id));
    const approver = national(await addUser(api.database, 'approver', 'validator', 'bi'), 'validator');
    const bank = national(await addUser(api.database, 'bank', 'payer', 'bi'), 'payer');
    await db.transaction(async (tx) => {
      await approveInvoices(tx, approver, { programmeId: PROGRAMME, invoiceIds: [invoice!.id] });
      const { orders } = await orderPayments(tx, bank, { programmeId: PROGRAMME, orgUnitId: 'cds_1', period: '202401' });
      line = { orderId: orders[0]!.id, invoiceId: invoice!.id };
    });
    payer = await login(api.app, 'payer');
  });
  afterAll(() => api.close());

  const pay = (key: string | undefined, amount = '1000', reference = 'TRX-1') =>
    api.app.inject({
      method: 'POST',
      url: `${BASE}/payments`,
      payload: { payments: [{ ...line, paidOn: '2024-03-01', amount, reference }] },
      headers: { cookie: payer.cookie, 'x-csrf-token': payer.csrfToken, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    });
  const stored = async () => (await api.database.db.select().from(payments).where(eq(payments.invoiceId, line.invoiceId))).length;

  it('stores a payment posted twice with one key once, and answers the replay with the first answer', async () => {
    const first = await pay('pay-cds_1-202401-a');
    expect(first.statusCode).toBe(201);
    const again = await pay('pay-cds_1-202401-a');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await stored()).toBe(1);
  });

  it('answers two at once with one key once: the other waits for the first answer', async () => {
    const [a, b] = await Promise.all([pay('pay-cds_1-202401-b', '500'), pay('pay-cds_1-202401-b', '500')]);
    const statuses = [a!.statusCode, b!.statusCode].sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    expect(await stored()).toBe(2);
  });

  it('refuses a key used for another request, and frees the key of a refused one', async () => {
    const reused = await pay('pay-cds_1-202401-a', '999');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const refused = await pay('pay-cds_1-202401-c', '0');
    expect(refused.statusCode).toBe(400);
    expect((await pay('pay-cds_1-202401-c', '0')).statusCode).toBe(400);
    expect((await pay('short')).json().error.message).toContain('idempotency-key: 8 to 200 letters');
    expect(await stored()).toBe(2);
  });

  it('refuses to guess about a first request cut short', async () => {
    // A request like the first one, whose process died before it answered an hour ago.
    const [first] = await api.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, 'pay-cds_1-202401-a'));
    await api.database.db.insert(idempotencyKeys).values({ userId: api.users.payer, key: 'pay-interrupted', requestHash: first!.requestHash, createdAt: sql`now() - interval '1 hour'` });
    const unknown = await pay('pay-interrupted');
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().error.code).toBe('IDEMPOTENCY_UNKNOWN');
    // One that failed on the server's side (a 5xx, such as a lost database) is answered alike at once.
    await api.database.db.insert(idempotencyKeys).values({ userId: api.users.payer, key: 'pay-failed', requestHash: first!.requestHash });
    await markOutcomeUnknown(api.database.db, api.users.payer, 'pay-failed');
    expect((await pay('pay-failed')).json().error.code).toBe('IDEMPOTENCY_UNKNOWN');
    expect(await stored()).toBe(2);
  });

  it('still acts on every request sent without a key', async () => {
    expect((await pay(undefined, '10', 'TRX-2')).statusCode).toBe(201);
    expect((await pay(undefined, '10', 'TRX-2')).statusCode).toBe(201);
    expect(await stored()).toBe(4);
  });
});
