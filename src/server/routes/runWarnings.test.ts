import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { enterValues, quantityRows, setStatus } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

/**
 * cds_1 is paid 115,000 BIF in January, nothing in February (both lines beyond tolerance) and
 * 115,000 again in March; cds_2 39,500, then 57,500 (+45.6%), then 75,500 (+31.3%). From March
 * the programme warns of a change beyond 20% instead of the default 50%.
 */
describe.each(backends)('run warnings: amounts fallen to 0 or moved beyond a share of the previous period (%s)', (kind) => {
  let api: TestApi;
  let committee: Session;
  const run = async (period: string) => {
    const response = await runInvoicesAndWait(api.app, committee, { orgUnitId: 'p1', period });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().run;
  };

  beforeAll(async () => {
    api = await testApi(kind);
    const designer = await login(api.app, 'designer');
    const stricter = { ...PROGRAMME_DEFINITION, runWarnings: { maxChange: 0.2 } };
    const saved = await call(api.app, designer, 'POST', `${BASE}/versions`, { definition: stricter, effectiveFrom: '202403', note: 'warn beyond 20%' });
    expect(saved.statusCode, saved.body).toBe(201);
    await enterValues(api.database.db, [
      ...quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }),
      ...quantityRows('cds_2', '202401', { consultation: 50, delivery: 3 }),
      ...quantityRows('cds_1', '202402', { consultation: 80, delivery: 1 }, { consultation: 100, delivery: 10 }),
      ...quantityRows('cds_2', '202402', { consultation: 50, delivery: 5 }),
      ...quantityRows('cds_1', '202403', { consultation: 100, delivery: 10 }),
      ...quantityRows('cds_2', '202403', { consultation: 50, delivery: 7 }),
    ]);
    for (const period of ['202401', '202402', '202403']) await setStatus(api.database.db, ['cds_1', 'cds_2'], period, 'validated');
    committee = await login(api.app, 'validator');
  });
  afterAll(() => api.close());

  it('has nothing to compare a first period with', async () => {
    expect((await run('202401')).amountWarnings).toEqual({ previousPeriod: '202312', maxChange: 0.5, total: 0, items: [] });
  });

  it('warns of an amount fallen to 0, in the run’s answer and its detail, and not of a change within the default 50%', async () => {
    const february = await run('202402');
    const expected = {
      previousPeriod: '202401',
      maxChange: 0.5,
      total: 1,
      items: [{ orgUnitId: 'cds_1', payment: 'monthly', kind: 'zero', previousAmount: '115000.00', amount: '0.00', change: '-1.0000' }],
    };
    expect(february.amountWarnings).toEqual(expected);
    const detail = (await call(api.app, await login(api.app, 'auditor'), 'GET', `${BASE}/invoice-runs/${february.id}`)).json();
    expect(detail.amountWarnings).toEqual(expected);
  });

  it('takes the share from the run’s programme version, and compares with nothing paid as nothing to compare', async () => {
    const march = await run('202403');
    expect(march.amountWarnings).toEqual({
      previousPeriod: '202402',
      maxChange: 0.2,
      total: 1,
      items: [{ orgUnitId: 'cds_2', payment: 'monthly', kind: 'moved', previousAmount: '57500.00', amount: '75500.00', change: '0.3130' }],
    });
  });
});
