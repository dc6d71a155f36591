import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invoiceAdjustments, invoices, paymentOrderLines } from '../../store/schema.ts';
import { PROGRAMME, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus, statusOf } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;
/** The test programme: consultations at 250, deliveries at 9,000, paid on the verified count. */
const worth = (consultation: number, delivery: number) => consultation * 250 + delivery * 9000;
/** An amount as the money columns answer it. */
const money = (amount: number) => amount.toFixed(2);

/** Corrections after approval: recorded as new records, carried as adjustment lines by the unit's next invoice. */
describe.each(backends)('corrections after payment and their adjustments (%s)', (kind) => {
  let api: TestApi;
  let preparer: Session;
  let approver: Session;
  let payer: Session;

  const run = async (period: string) => {
    const response = await runInvoicesAndWait(api.app, preparer, { orgUnitId: 'p1', period });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as { created: boolean; run: { id: number } };
  };
  const current = async (orgUnitId: string, period: string) =>
    (await api.database.db.select().from(invoices).where(and(eq(invoices.orgUnitId, orgUnitId), eq(invoices.period, period), isNull(invoices.supersededBy), isNull(invoices.rejectedAt))))[0]!;
  const detail = async (id: number) => (await call(api.app, approver, 'GET', `${BASE}/invoices/${id}`)).json();
  const approve = async (period: string) => {
    const ids = (await call(api.app, approver, 'GET', `${BASE}/invoices?period=${period}&status=prepared`)).json().items.map((invoice: { id: number }) => invoice.id);
    expect((await call(api.app, approver, 'POST', `${BASE}/invoices/approve`, { invoiceIds: ids })).statusCode).toBe(200);
  };
  const correct = (session: Session, body: object) => call(api.app, session, 'POST', `${BASE}/corrections`, body);
  const consultations = (orgUnitId: string, period: string, value: number, reason = 'counter-verification recounted the register') =>
    ({ orgUnitId, period, package: 'quantity', values: [{ activity: 'consultation', state: 'verified', value }], reason });

  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator2', 'validator', 'p1');
    [preparer, approver, payer] = (await Promise.all(['validator', 'validator2', 'payer'].map((name) => login(api.app, name)))) as [Session, Session, Session];
    const designer = await login(api.app, 'designer');
    for (const [id, share] of [['gov', '0.6'], ['wb', '0.4']] as const) {
      await call(api.app, designer, 'POST', `${BASE}/funders`, { id, name: id });
      await call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: id, orgUnitId: 'bi', share, validFrom: '202401' });
    }
    const months: Record<string, [Record<'consultation' | 'delivery', number>, Record<'consultation' | 'delivery', number>]> = {
      '202401': [{ consultation: 100, delivery: 10 }, { consultation: 50, delivery: 3 }],
      '202402': [{ consultation: 100, delivery: 10 }, { consultation: 10, delivery: 1 }],
      '202403': [{ consultation: 100, delivery: 10 }, { consultation: 100, delivery: 10 }],
    };
    for (const [period, [one, two]] of Object.entries(months)) {
      await enterValues(api.database.db, [...quantityRows('cds_1', period, one), ...quantityRows('cds_2', period, two)]);
      await setStatus(api.database.db, ['cds_1', 'cds_2'], period, 'validated');
    }
    await enterValues(api.database.db, quantityRows('cds_3', '202401', { consultation: 10, delivery: 1 }));
    // January: invoiced, approved, ordered and paid in full.
    await run('202401');
    await approve('202401');
    const orders = (await call(api.app, payer, 'POST', `${BASE}/payment-orders`, { orgUnitId: 'p1', period: '202401' })).json().orders as { id: number }[];
    const lines = await api.database.db.select().from(paymentOrderLines);
    const paid = await call(api.app, payer, 'POST', `${BASE}/payments`, {
      payments: lines.filter((line) => orders.some((o) => o.id === line.orderId)).map((line) => ({ orderId: line.orderId, invoiceId: line.invoiceId, paidOn: '2024-02-20', amount: line.amount, reference: `P-${line.invoiceId}-${line.funderId}` })),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await statusOf(api.database.db, 'cds_1', '202401')).toBe('paid');
  });
  afterAll(() => api.close());

  it('records a correction on a paid period, audited, without touching what was validated or paid', async () => {
    const before = await current('cds_1', '202401');
    const recorded = await correct(preparer, consultations('cds_1', '202401', 105));
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ orgUnitId: 'cds_1', period: '202401', package: 'quantity', values: { consultation: { verified: '105' } } });
    expect(await current('cds_1', '202401')).toEqual(before);
    const [audit] = await api.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'correction'), eq(auditLog.entityKey, String(recorded.json().id))));
    expect(audit).toMatchObject({ action: 'correct', orgUnitId: 'cds_1', reason: 'counter-verification recounted the register', newValue: { status: 'paid' } });
    const listed = (await call(api.app, payer, 'GET', `${BASE}/corrections?orgUnitId=cds_1`)).json();
    expect(listed).toMatchObject({ total: 1, items: [{ id: recorded.json().id, orgUnitName: 'CDS Un', createdByName: 'The validator', appliedBy: [] }] });
  });

  it('refuses a period not yet approved (409 naming its state), bad input (400 naming the field), the wrong role and another subtree (403)', async () => {
    const early = await correct(preparer, consultations('cds_1', '202402', 90));
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'INVALID_STATE', details: { status: 'validated' } });
    expect(early.json().error.message).toContain('is validated');
    expect(early.json().error.message).toContain('go back through the workflow');

    const cases: [object, string][] = [
      [{ ...consultations('cds_1', '202401', 105), reason: ' ' }, 'reason'],
      [{ ...consultations('cds_1', '202401', 105), values: [] }, 'values'],
      [{ ...consultations('cds_1', '202401', 105), values: [{ activity: 'surgery', value: 1 }] }, 'values[0].activity'],
      [{ ...consultations('cds_1', '202401', 105), values: [{ activity: 'consultation', state: 'guessed', value: 1 }] }, 'values[0].state'],
      [{ ...consultations('cds_1', '202401', -3) }, 'value'],
      [{ ...consultations('cds_1', '202401', 105), package: 'quality' }, 'package'],
    ];
    for (const [body, field] of cases) {
      const refused = await correct(preparer, body);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.message).toContain(field);
    }
    expect((await correct(payer, consultations('cds_1', '202401', 105))).statusCode).toBe(403);
    const outside = await correct(preparer, consultations('cds_3', '202401', 5));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toContain("'period.correct' on org unit 'cds_3'");
  });

  it('carries a positive correction on the next run, once, with its provenance recomputing identical; orders pay the adjusted total', async () => {
    await run('202402');
    const invoice = await current('cds_1', '202402');
    expect(invoice.amount).toBe(money(worth(100, 10) + 1250));
    const shown = await detail(invoice.id);
    expect(shown).toMatchObject({ baseAmount: money(worth(100, 10)), carriedForward: money(0), amount: invoice.amount });
    expect(shown.adjustments).toMatchObject([
      { kind: 'correction', period: '202401', correctedAmount: money(worth(105, 10)), grantedAmount: money(worth(100, 10)), amount: money(1250), corrections: [{ reason: 'counter-verification recounted the register', values: { consultation: { verified: '105' } } }] },
    ]);
    const provenance = await call(api.app, payer, 'GET', `${BASE}/invoices/${invoice.id}/adjustments/${shown.adjustments[0].id}/provenance`);
    expect(provenance.statusCode, provenance.body).toBe(200);
    expect(provenance.json()).toMatchObject({ period: '202401', name: 'monthly.to_pay', identical: true, storedValue: worth(105, 10), explanation: { value: worth(105, 10) } });

    expect((await run('202402')).created).toBe(false);
    await run('202403');
    expect((await detail((await current('cds_1', '202403')).id)).adjustments).toEqual([]);
    const listed = (await call(api.app, payer, 'GET', `${BASE}/corrections?orgUnitId=cds_1`)).json();
    expect(listed.items[0].appliedBy).toEqual([{ invoiceId: invoice.id, period: '202402', status: 'prepared' }]);
  });

  it('a rejection releases the line for the re-run; it is applied once again, never twice', async () => {
    const carrying = await current('cds_1', '202402');
    expect((await call(api.app, approver, 'POST', `${BASE}/invoices/${carrying.id}/reject`, { reason: 'wrong funder split' })).statusCode).toBe(200);
    const rerun = await run('202402');
    expect(rerun.created).toBe(true);
    const again = await current('cds_1', '202402');
    expect(again.id).not.toBe(carrying.id);
    expect(again.amount).toBe(carrying.amount);
    const live = await api.database.db
      .select({ id: invoiceAdjustments.id })
      .from(invoiceAdjustments)
      .innerJoin(invoices, and(eq(invoices.programmeId, invoiceAdjustments.programmeId), eq(invoices.id, invoiceAdjustments.invoiceId)))
      .where(and(eq(invoiceAdjustments.kind, 'correction'), isNull(invoices.rejectedAt), isNull(invoices.supersededBy)));
    expect(live).toHaveLength(1);

    await approve('202402');
    const orders = (await call(api.app, payer, 'POST', `${BASE}/payment-orders`, { orgUnitId: 'p1', period: '202402' })).json().orders as { id: number }[];
    const ordered = await api.database.db.select().from(paymentOrderLines).where(eq(paymentOrderLines.invoiceId, again.id));
    expect(ordered.filter((line) => orders.some((o) => o.id === line.orderId)).reduce((sum, line) => sum + Number(line.amount), 0)).toBe(Number(again.amount));
  });

  it('a negative correction lowers the next invoice by what was overpaid', async () => {
    // cds_2's January paid 50 consultations and 3 deliveries; the audit finds none were verified.
    const recorded = await correct(preparer, { orgUnitId: 'cds_2', period: '202401', package: 'quantity', values: [{ activity: 'consultation', state: 'verified', value: 0 }, { activity: 'delivery', state: 'verified', value: 0 }], reason: 'audit: register missing' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    // February is approved already: the correction waits for March, whose prepared invoice the run replaces.
    await run('202403');
    const march = await current('cds_2', '202403');
    const lost = -worth(50, 3);
    expect(march.amount).toBe(money(worth(100, 10) + lost));
    expect((await detail(march.id)).adjustments).toMatchObject([{ kind: 'correction', period: '202401', correctedAmount: money(0), amount: money(lost) }]);
  });

  it('carries a remainder: an invoice whose lines exceed it pays 0, the next one takes the rest', async () => {
    await setStatus(api.database.db, ['cds_1', 'cds_2'], '202404', 'validated');
    await enterValues(api.database.db, [...quantityRows('cds_1', '202404', { consultation: 1, delivery: 0 }), ...quantityRows('cds_2', '202404', { consultation: 40, delivery: 0 })]);
    await enterValues(api.database.db, [...quantityRows('cds_1', '202405', { consultation: 100, delivery: 10 }), ...quantityRows('cds_2', '202405', { consultation: 40, delivery: 0 })]);
    await setStatus(api.database.db, ['cds_1', 'cds_2'], '202405', 'validated');
    await approve('202403');
    // February of cds_1 is approved: the audit finds 10 deliveries were 0 (−90,000), more than April's 250.
    expect((await correct(preparer, { orgUnitId: 'cds_1', period: '202402', package: 'quantity', values: [{ activity: 'delivery', state: 'verified', value: 0 }], reason: 'deliveries referred elsewhere' })).statusCode).toBe(200);
    await run('202404');
    const april = await current('cds_1', '202404');
    expect(april).toMatchObject({ amount: money(0), carriedForward: money(250 - 90000) });
    expect(await detail(april.id)).toMatchObject({ baseAmount: money(250), adjustments: [{ period: '202402', amount: money(-90000) }] });
    await approve('202404');
    await run('202405');
    const may = await current('cds_1', '202405');
    expect(may.amount).toBe(money(worth(100, 10) + 250 - 90000));
    expect((await detail(may.id)).adjustments).toMatchObject([{ kind: 'carried', period: '202404', sourceInvoiceId: april.id, amount: money(250 - 90000), correctedAmount: null }]);
    // Applied once: nothing is pending any more for cds_1, so running May again changes nothing.
    expect((await run('202405')).created).toBe(false);
  });
});
