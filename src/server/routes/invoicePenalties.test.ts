import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { enterValues, quantityRows, setStatus } from '../../../test/support/invoices.ts';
import { PENALTY_VERSION, PENALTY_VERSION_FROM, penaltyRows } from '../../../test/support/penalties.ts';

const BASE = `/api/programmes/${PROGRAMME}`;
const DELIVERY = 'Accouchement eutocique assisté par un personnel qualifié';

describe.each(backends)('the lines an invoice lost to declared penalties (%s)', (kind) => {
  let api: TestApi;
  let committee: Session;
  const invoiceOf = async (orgUnitId: string, period: string) => {
    const page = (await call(api.app, committee, 'GET', `${BASE}/invoices?orgUnitId=${orgUnitId}&period=${period}`)).json();
    return (await call(api.app, committee, 'GET', `${BASE}/invoices/${page.items[0].id}`)).json();
  };

  beforeAll(async () => {
    api = await testApi(kind);
    const designer = await login(api.app, 'designer');
    const saved = await call(api.app, designer, 'POST', `${BASE}/versions`, { definition: PENALTY_VERSION, effectiveFrom: PENALTY_VERSION_FROM, note: 'penalties' });
    expect(saved.statusCode, saved.body).toBe(201);
    const db = api.database.db;
    // January under version 1, which declares no penalty; February under the declared one.
    await enterValues(db, quantityRows('cds_1', '202401', { consultation: 80, delivery: 10 }, { consultation: 100, delivery: 10 }));
    await enterValues(db, [
      ...penaltyRows('cds_1', '202402', { consultation: [100, 98, 98], delivery: [10, 8, 8], vaccination: [30, 30, 30] }),
      ...penaltyRows('cds_2', '202402', { consultation: [50, 50, 50], delivery: [3, 3, 3] }),
    ]);
    await setStatus(db, ['cds_1', 'cds_2'], '202401', 'validated');
    await setStatus(db, ['cds_1', 'cds_2'], '202402', 'validated');
    committee = await login(api.app, 'validator');
    for (const period of ['202401', '202402']) {
      const run = await runInvoicesAndWait(api.app, committee, { orgUnitId: 'p1', period });
      expect(run.statusCode, run.body).toBe(201);
    }
  });
  afterAll(() => api.close());

  it('lists each line beyond the tolerance with what was entered, its gap, the tolerance and the money lost', async () => {
    const invoice = await invoiceOf('cds_1', '202402');
    expect(invoice.amount).toBe('36500.00');
    expect(invoice.penalties).toEqual({
      breaches: 1,
      lost: '72000.00',
      lines: [
        {
          package: 'quantity',
          activity: 'delivery',
          activityName: DELIVERY,
          period: '202402',
          inputs: { declared: 10, verified: 8, validated: 8 },
          gap: 0.25,
          tolerance: 0.1,
          lost: '72000.00',
          lostName: 'quantity.delivery.amount_lost',
        },
      ],
    });
    // The line's loss is a value of the run, explained by its provenance.
    const explained = (await call(api.app, committee, 'GET', `${BASE}/invoices/${invoice.id}/provenance?name=quantity.delivery.amount_lost`)).json();
    expect(explained).toMatchObject({ storedValue: 72_000, identical: true, explanation: { formula: { text: 'validated * tariff - amount', substituted: '8 * 9000 - 0' } } });
    expect((await invoiceOf('cds_2', '202402')).penalties).toEqual({ breaches: 0, lost: '0.00', lines: [] });
  });

  it('reads what the run stored, not today’s data', async () => {
    await enterValues(api.database.db, penaltyRows('cds_1', '202402', { delivery: [10, 10, 10] }));
    const invoice = await invoiceOf('cds_1', '202402');
    expect(invoice.penalties.lines).toMatchObject([{ activity: 'delivery', inputs: { declared: 10, verified: 8 }, lost: '72000.00' }]);
  });

  it('has none under rules that declare no penalty, however far off a line is', async () => {
    const invoice = await invoiceOf('cds_1', '202401');
    expect(invoice.values).toContainEqual({ period: '202401', name: 'quantity.consultation.paid', value: 0 });
    expect(invoice.penalties).toEqual({ breaches: 0, lost: '0.00', lines: [] });
  });
});
