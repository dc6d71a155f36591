import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import {
  BUDGETS,
  FACILITIES,
  MONTHS,
  countsOf,
  declares,
  monthlyAmount,
  scoreOf,
  seedDashboards,
  type Facility,
} from '../../../test/support/dashboards.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser } from '../../../test/support/invoices.ts';
import { grantRole } from '../../domain/users.ts';

const BASE = `/api/programmes/${PROGRAMME}/dashboards`;
const RANGE = 'from=202401&to=202406';
const P1: readonly Facility[] = ['cds_1', 'cds_2'];

/** What the fixture's facilities declared, verified and validated over some months. */
function quantities(units: readonly Facility[], months: readonly string[] = MONTHS) {
  const totals = { declared: 0, verified: 0, validated: 0 };
  for (const unit of units) {
    for (const month of months.filter((m) => declares(unit, m))) {
      const { verified, declared } = countsOf(unit, MONTHS.indexOf(month as (typeof MONTHS)[number]) + 1);
      totals.declared += declared.consultation + declared.delivery;
      totals.verified += verified.consultation + verified.delivery;
      totals.validated += verified.consultation + verified.delivery;
    }
  }
  return totals;
}

describe.each(backends)('dashboards (%s)', (kind) => {
  let api: TestApi;
  const as = {} as Record<'auditor' | 'admin' | 'payer' | 'clerk' | 'split', Session>;
  const get = (who: keyof typeof as, url: string) => call(api.app, as[who], 'GET', `${BASE}${url}`);
  const ok = async (who: keyof typeof as, url: string) => {
    const response = await get(who, url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = await testApi(kind);
    await seedDashboards(api);
    // Someone holding roles on two separate provinces: no single root.
    const split = await addUser(api.database, 'split', 'auditor', 'p1');
    await api.database.db.transaction((tx) => grantRole(tx, null, { userId: split, programmeId: PROGRAMME, role: 'auditor', orgUnitId: 'p2' }));
    for (const who of ['auditor', 'admin', 'payer', 'clerk', 'split'] as const) as[who] = await login(api.app, who);
  });
  afterAll(() => api.close());

  it('tells the months holding data', async () => {
    expect(await ok('clerk', '/periods')).toEqual({ first: '202401', last: '202406' });
  });

  describe('quantity', () => {
    it('sums declared, verified and validated per month within the user’s subtree only', async () => {
      const { items } = await ok('auditor', `/quantity?${RANGE}`);
      expect(items).toEqual(MONTHS.map((period) => ({ period, package: 'quantity', ...quantities(P1, [period]) })));
      const national = await ok('admin', `/quantity?${RANGE}&package=quantity`);
      expect(national.items[5]).toEqual({ period: '202406', package: 'quantity', ...quantities(FACILITIES, ['202406']) });
    });

    it('narrows to a subtree and a shorter range', async () => {
      const { items } = await ok('admin', '/quantity?from=202402&to=202403&root=cds_3');
      expect(items).toEqual(['202402', '202403'].map((period) => ({ period, package: 'quantity', ...quantities(['cds_3'], [period]) })));
    });

    it('splits the tree below the root, down to the facilities, with the way back up', async () => {
      const top = await ok('admin', `/quantity-by-unit?${RANGE}`);
      expect(top).toEqual({
        root: { id: 'bi', name: 'Burundi' },
        trail: [],
        items: [
          { id: 'p1', name: 'Province 1', leaf: false, ...quantities(P1) },
          { id: 'p2', name: 'Province 2', leaf: false, ...quantities(['cds_3']) },
        ],
      });
      const scoped = await ok('auditor', `/quantity-by-unit?${RANGE}`);
      expect(scoped.root).toEqual({ id: 'p1', name: 'Province 1' });
      expect(scoped.items.map((item: { id: string }) => item.id)).toEqual(['d1']);
      const district = await ok('auditor', `/quantity-by-unit?${RANGE}&root=d1`);
      expect(district).toEqual({
        root: { id: 'd1', name: 'District 1' },
        trail: [{ id: 'p1', name: 'Province 1' }],
        items: [
          { id: 'cds_2', name: 'CDS Deux', leaf: true, ...quantities(['cds_2']) },
          { id: 'cds_1', name: 'CDS Un', leaf: true, ...quantities(['cds_1']) },
        ],
      });
    });

    it('starts from the separate subtrees of someone holding roles on several', async () => {
      const both = await ok('split', `/quantity-by-unit?${RANGE}`);
      expect(both.root).toBeNull();
      expect(both.items.map((item: { id: string }) => item.id)).toEqual(['p1', 'p2']);
    });
  });

  describe('quality', () => {
    it('averages the scores behind the current invoices per quarter', async () => {
      const { items } = await ok('admin', `/quality?${RANGE}`);
      const q1 = FACILITIES.map((unit) => scoreOf('2024Q1', unit));
      // cds_3 did not declare June: its Q2 quality bonus could not be invoiced, so it has no Q2 score.
      const q2 = P1.map((unit) => scoreOf('2024Q2', unit));
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      expect(items).toHaveLength(2);
      expect(items[0]).toMatchObject({ period: '2024Q1', min: 0.55, max: 0.85, facilities: 3 });
      expect(items[0].average).toBeCloseTo(mean(q1), 10);
      expect(items[1]).toMatchObject({ period: '2024Q2', min: 0.6, max: 0.95, facilities: 2 });
      expect(items[1].average).toBeCloseTo(mean(q2), 10);
      expect((await ok('auditor', '/quality?from=202404&to=202406')).items).toMatchObject([{ period: '2024Q2', facilities: 2 }]);
    });

    it('puts quality against validated quantities per facility', async () => {
      const { items } = await ok('auditor', `/quality-vs-quantity?${RANGE}`);
      expect(items).toHaveLength(2);
      expect(items[0]).toMatchObject({ orgUnitId: 'cds_1', name: 'CDS Un', parentName: 'District 1', validated: quantities(['cds_1']).validated });
      expect(items[0].quality).toBeCloseTo((scoreOf('2024Q1', 'cds_1') + scoreOf('2024Q2', 'cds_1')) / 2, 10);
    });
  });

  describe('rankings', () => {
    it('ranks facilities by amount paid, quality and discrepancy', async () => {
      const paid = await ok('admin', `/rankings?${RANGE}&by=paid`);
      expect(paid.items.map((item: { orgUnitId: string }) => item.orgUnitId)).toEqual(['cds_1', 'cds_3', 'cds_2']);
      // cds_1 was paid January and February in full, and the government's 60% of March and of its Q1 bonus.
      const [m1, m2, m3] = [1, 2, 3].map((m) => monthlyAmount('cds_1', m)) as [number, number, number];
      const bonus = Math.round(((m1 + m2 + m3) * scoreOf('2024Q1', 'cds_1')) / 10);
      expect(paid.items[0].value).toBe(m1 + m2 + 0.6 * (m3 + bonus));
      expect(paid).toMatchObject({ total: 3, limit: 100, offset: 0 });

      const quality = await ok('admin', `/rankings?${RANGE}&by=quality&order=asc&limit=1`);
      expect(quality).toMatchObject({ total: 3, limit: 1, items: [{ rank: 1, orgUnitId: 'cds_2', name: 'CDS Deux', parentName: 'District 1' }] });

      const discrepancy = await ok('auditor', `/rankings?${RANGE}&by=discrepancy`);
      expect(discrepancy.items).toEqual([
        { rank: 1, orgUnitId: 'cds_2', name: 'CDS Deux', parentName: 'District 1', value: 30 / 105 },
        { rank: 2, orgUnitId: 'cds_1', name: 'CDS Un', parentName: 'District 1', value: 0 },
      ]);
      const second = await ok('auditor', `/rankings?${RANGE}&by=discrepancy&offset=1&limit=5`);
      expect(second).toMatchObject({ total: 2, items: [{ rank: 2, orgUnitId: 'cds_1' }] });
    });
  });

  describe('payments', () => {
    it('sums ordered and paid per funder by the month the invoiced period ends in', async () => {
      const { items } = await ok('payer', `/payments?${RANGE}`);
      const january = P1.reduce((sum, unit) => sum + monthlyAmount(unit, 1), 0);
      expect(items[0]).toEqual({ month: '202401', funderId: 'gov', funderName: 'Government', ordered: 0.6 * january, paid: 0.6 * january });
      expect(items[1]).toEqual({ month: '202401', funderId: 'wb', funderName: 'World Bank', ordered: 0.4 * january, paid: 0.4 * january });
      const march = items.filter((item: { month: string }) => item.month === '202403');
      expect(march.map((item: { funderId: string; paid: number }) => [item.funderId, item.paid > 0])).toEqual([['gov', true], ['wb', false]]);
      // Ordered up to April; May was approved but not ordered, June not approved.
      expect(items.map((item: { month: string }) => item.month).at(-1)).toBe('202404');
    });

    it('measures delays per funder: median, average and the share paid late or still due past the limit', async () => {
      const answer = await ok('admin', `/payment-delays?${RANGE}&asOf=2024-07-31`);
      expect(answer).toEqual({
        lateAfterDays: 60,
        asOf: '2024-07-31',
        items: [
          // 20 ×3 (Jan), 46 ×3 (Feb), 40 ×3 (Mar), 91 ×3 (Q1); April open for 92 days.
          { funderId: 'gov', funderName: 'Government', lines: 15, paidLines: 12, medianDays: 43, averageDays: 49.3, lateLines: 6, lateShare: 6 / 15 },
          // 20 ×3 (Jan), 92 ×3 (Feb); March, Q1 and April open past 60 days.
          { funderId: 'wb', funderName: 'World Bank', lines: 15, paidLines: 6, medianDays: 56, averageDays: 56, lateLines: 12, lateShare: 12 / 15 },
        ],
      });
      const lenient = await ok('admin', `/payment-delays?${RANGE}&asOf=2024-07-31&lateAfterDays=100`);
      // Only the World Bank's March and Q1 lines, open for 122 days, are past 100.
      expect(lenient.items.map((item: { lateLines: number }) => item.lateLines)).toEqual([0, 6]);
    });

    it('burns budgets against orders per funder with a linear forecast to December', async () => {
      const burn = await ok('admin', '/budget-burn?year=2024');
      const yearly = (funder: 'gov' | 'wb') => 4 * (BUDGETS.d1[funder] + BUDGETS.d2[funder]);
      expect(burn.budget).toBe(yearly('gov') + yearly('wb'));
      expect(burn.funders.map((funder: { funderId: string; budget: number }) => [funder.funderId, funder.budget])).toEqual([
        ['gov', yearly('gov')],
        ['wb', yearly('wb')],
      ]);
      // Orders run to April: four months elapsed, continued over twelve.
      expect(burn.forecast).toBeCloseTo((burn.ordered / 4) * 12, 6);
      expect(burn.months).toHaveLength(12);
      expect(burn.months[2].forecastCumulative).toBeNull();
      expect(burn.months[3].forecastCumulative).toBe(burn.ordered);
      expect(burn.months[11].forecastCumulative).toBeCloseTo(burn.forecast, 6);
      const district = await ok('auditor', '/budget-burn?year=2024&root=d1');
      expect(district.budget).toBe(4 * (BUDGETS.d1.gov + BUDGETS.d1.wb));
      expect((await ok('auditor', '/budget-burn?year=2024&root=cds_1')).budget).toBe(0);
      expect((await ok('admin', '/budget-burn?year=2023')).forecast).toBeNull();
    });
  });

  describe('reporting', () => {
    it('counts facility-months declared, and declared on time', async () => {
      const answer = await ok('admin', `/reporting?${RANGE}`);
      // cds_2 declares 20 days after each month (late), cds_3 never declared June.
      expect(answer.items[0]).toEqual({ month: '202401', expected: 3, declared: 3, onTime: 2 });
      expect(answer.items[5]).toEqual({ month: '202406', expected: 3, declared: 2, onTime: 1 });
      expect(answer).toMatchObject({ withinDays: 10, expected: 18, declared: 17, onTime: 11 });
      const lenient = await ok('auditor', `/reporting?${RANGE}&withinDays=30`);
      expect(lenient).toMatchObject({ withinDays: 30, expected: 12, declared: 12, onTime: 12 });
    });
  });

  describe('refusals', () => {
    const ROUTES = ['/quantity', '/quantity-by-unit', '/quality', '/rankings', '/quality-vs-quantity', '/payments', '/payment-delays', '/reporting'];
    const extra = (route: string) => (route === '/rankings' ? '&by=paid' : '');

    it.each(ROUTES)('%s refuses a bad range, naming the field', async (route) => {
      const cases: [string, string][] = [
        ['from=2024-01&to=202406', 'querystring.from: expected a month like 202401'],
        ['from=202401', 'querystring.to'],
        ['from=202406&to=202401', "to: '202401' is before from '202406'"],
        ['from=202001&to=202506', 'to: the range 202001–202506 spans 66 months; at most 60'],
      ];
      for (const [query, message] of cases) {
        const response = await get('admin', `${route}?${query}${extra(route)}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error).toMatchObject({ code: 'VALIDATION' });
        expect(response.json().error.message).toContain(message);
      }
    });

    it.each(ROUTES)('%s refuses a root outside the user’s subtrees or unknown', async (route) => {
      const outside = await get('auditor', `${route}?${RANGE}&root=cds_3${extra(route)}`);
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.message).toBe("your roles do not allow 'read' on org unit 'cds_3'");
      const unknown = await get('auditor', `${route}?${RANGE}&root=nowhere${extra(route)}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toBe("org unit 'nowhere' not found");
    });

    it('refuses each route’s own bad parameters', async () => {
      const cases: [string, string][] = [
        [`/quantity?${RANGE}&package=quality`, "package: 'quality' is not a quantity package of programme 'test_pbf' (its quantity packages: 'quantity')"],
        [`/quantity-by-unit?${RANGE}&package=`, 'querystring.package'],
        [`/rankings?${RANGE}`, 'querystring.by'],
        [`/rankings?${RANGE}&by=height`, 'querystring.by'],
        [`/rankings?${RANGE}&by=paid&order=up`, 'querystring.order'],
        [`/rankings?${RANGE}&by=paid&limit=0`, 'querystring.limit'],
        [`/payment-delays?${RANGE}&lateAfterDays=-1`, 'querystring.lateAfterDays'],
        [`/payment-delays?${RANGE}&asOf=31/07/2024`, 'querystring.asOf'],
        ['/budget-burn', 'querystring.year'],
        ['/budget-burn?year=24', 'querystring.year'],
        [`/reporting?${RANGE}&withinDays=many`, 'querystring.withinDays'],
      ];
      for (const [url, message] of cases) {
        const response = await get('admin', url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.message, url).toContain(message);
      }
      expect((await get('auditor', '/budget-burn?year=2024&root=cds_3')).statusCode).toBe(403);
      const elsewhere = await call(api.app, as.admin, 'GET', `/api/programmes/nowhere/dashboards/quantity?${RANGE}`);
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json().error.message).toBe("your roles do not allow 'read' in programme 'nowhere'");
      expect((await call(api.app, as.admin, 'GET', '/api/programmes/nowhere/dashboards/periods')).statusCode).toBe(403);
      expect((await call(api.app, null, 'GET', `${BASE}/quantity?${RANGE}`)).statusCode).toBe(401);
    });
  });
});
