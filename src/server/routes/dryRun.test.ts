import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, PROGRAMME_DEFINITION, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { enterValues, quantityRows, snapshot } from '../../../test/support/invoices.ts';

const P = `/api/programmes/${PROGRAMME}/dry-run`;

/** The test programme with a consultation tariff of 300 instead of 250. */
const dearerConsultations = {
  ...PROGRAMME_DEFINITION,
  packages: [
    {
      ...PROGRAMME_DEFINITION.packages[0]!,
      activities: [
        { code: 'consultation', constants: { tariff: 300 } },
        { code: 'delivery', constants: { tariff: 9000 } },
      ],
    },
  ],
};

describe.each(backends)('dry run of new rules (%s)', (kind) => {
  let api: TestApi;
  let designer: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    designer = await login(api.app, 'designer');
    // Nothing validated: a dry run shows the effect on every facility with data.
    await enterValues(api.database.db, [
      ...quantityRows('cds_1', '202401', { consultation: 100, delivery: 2 }),
      ...quantityRows('cds_2', '202401', { consultation: 40, delivery: 0 }),
    ]);
  });
  afterAll(() => api.close());

  it('shows how each facility’s payment moves, largest first, and writes nothing', async () => {
    const before = await snapshot(api.database.db);
    const response = await call(api.app, designer, 'POST', P, { orgUnitId: 'p1', period: '202401', definition: dearerConsultations });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      period: '202401',
      version: 1,
      changes: [
        { orgUnitId: 'cds_1', name: 'CDS Un', payment: 'monthly', current: '43000', draft: '48000', delta: '5000' },
        { orgUnitId: 'cds_2', name: 'CDS Deux', payment: 'monthly', current: '10000', draft: '12000', delta: '2000' },
      ],
      unchanged: 0,
      totals: { current: '53000', draft: '60000', delta: '7000' },
    });
    expect(await snapshot(api.database.db)).toEqual(before);
  });

  it('counts the facilities a change leaves alone', async () => {
    const response = await call(api.app, designer, 'POST', P, { orgUnitId: 'p1', period: '202401', definition: PROGRAMME_DEFINITION });
    expect(response.json()).toMatchObject({ changes: [], unchanged: 2, totals: { delta: '0' } });
  });

  it('refuses a faulty draft with the engine’s errors, located', async () => {
    const faulty = { ...PROGRAMME_DEFINITION, packages: [{ ...PROGRAMME_DEFINITION.packages[0]!, formulas: { total: 'SUM(amont)' } }] };
    const response = await call(api.app, designer, 'POST', P, { orgUnitId: 'p1', period: '202401', definition: faulty });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NAME', at: 'quantity.formulas.total', message: expect.stringContaining("did you mean 'amount'?") }),
    ]);
  });

  it('names a malformed period', async () => {
    const response = await call(api.app, designer, 'POST', P, { orgUnitId: 'p1', period: '2024-01', definition: PROGRAMME_DEFINITION });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('period');
  });
});
