import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, testApi, type TestApi } from '../../../test/support/api.ts';
import { monthlyAmount, scoreOf, seedDashboards } from '../../../test/support/dashboards.ts';
import { backends } from '../../../test/support/database.ts';

const URL = `/api/public/programmes/${PROGRAMME}/results`;

describe.each(backends)('public results (%s)', (kind) => {
  let api: TestApi;
  const get = (url: string) => call(api.app, null, 'GET', url);

  beforeAll(async () => {
    api = await testApi(kind);
    await seedDashboards(api);
  });
  afterAll(() => api.close());

  it('answers without signing in: approved and paid amounts and average quality per province and quarter', async () => {
    const response = await get(URL);
    expect(response.statusCode, response.body).toBe(200);
    const { programme, items } = response.json();
    expect(programme).toEqual({ id: PROGRAMME, name: 'Test PBF', currency: 'BIF', currencyDecimals: 0 });
    expect(items.map((item: { provinceId: string; quarter: string }) => `${item.provinceId} ${item.quarter}`)).toEqual(['p1 2024Q1', 'p2 2024Q1', 'p1 2024Q2', 'p2 2024Q2']);
    const bonus = (unit: 'cds_3') => Math.round(([1, 2, 3].reduce((sum, m) => sum + monthlyAmount(unit, m), 0) * scoreOf('2024Q1', unit)) / 10);
    const p2q1 = items[1];
    expect(p2q1).toEqual({
      provinceId: 'p2',
      provinceName: 'Province 2',
      quarter: '2024Q1',
      approved: 3 * monthlyAmount('cds_3', 1) + bonus('cds_3'),
      // January and February in full; the government's 60% of March and of the bonus.
      paid: 2 * monthlyAmount('cds_3', 1) + 0.6 * (monthlyAmount('cds_3', 1) + bonus('cds_3')),
      quality: scoreOf('2024Q1', 'cds_3'),
      facilities: 1,
    });
  });

  it('publishes nothing the committee has not approved', async () => {
    const { items } = (await get(URL)).json();
    const p1q2 = items[2];
    // June and the Q2 quality bonuses are still prepared: April and May only, no quality score yet.
    expect(p1q2).toMatchObject({ quarter: '2024Q2', approved: [4, 5].reduce((sum, m) => sum + monthlyAmount('cds_1', m) + monthlyAmount('cds_2', m), 0), paid: 0, quality: null });
  });

  it('gives aggregates only: no facility, no person', async () => {
    const body = (await get(URL)).body;
    for (const word of ['cds_', 'CDS', 'The ', 'national', 'bank']) expect(body).not.toContain(word);
  });

  it('narrows to a year, and refuses a bad year or an unknown programme', async () => {
    expect((await get(`${URL}?year=2024`)).json().items).toHaveLength(4);
    expect((await get(`${URL}?year=2023`)).json().items).toEqual([]);
    const bad = await get(`${URL}?year=last`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('querystring.year') });
    const unknown = await get('/api/public/programmes/nowhere/results');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe("programme 'nowhere' not found");
  });
});
