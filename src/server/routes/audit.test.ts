import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

/** What a reader of one province sees of the programme's audit log and funder shares. */
describe.each(backends)('audit log and shares by scope (%s)', (kind) => {
  let api: TestApi;
  let provinceAuditor: Session;
  let nationalAuditor: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'clerk_p2', 'clerk', 'p2');
    await addUser(api.database, 'auditor_bi', 'auditor', 'bi');
    provinceAuditor = await login(api.app, 'auditor');
    nationalAuditor = await login(api.app, 'auditor_bi');
    const designer = await login(api.app, 'designer');
    const declare = (session: Session, unit: string) => call(api.app, session, 'PUT', `${BASE}/data-values/${unit}/202401/consultation/declared`, { value: 12 });
    expect((await declare(await login(api.app, 'clerk'), 'cds_1')).statusCode).toBe(201);
    expect((await declare(await login(api.app, 'clerk_p2'), 'cds_3')).statusCode).toBe(201);
    expect((await call(api.app, designer, 'POST', `${BASE}/funders`, { id: 'gov', name: 'Government' })).statusCode).toBe(201);
    for (const orgUnitId of ['bi', 'p2', 'd1']) {
      const share = await call(api.app, designer, 'POST', `${BASE}/funder-shares`, { funderId: 'gov', orgUnitId, share: orgUnitId === 'bi' ? '0.5' : '0.25', validFrom: '202401' });
      expect(share.statusCode, share.body).toBe(201);
    }
  });
  afterAll(() => api.close());

  const audit = async (session: Session) =>
    ((await call(api.app, session, 'GET', `${BASE}/audit?limit=1000`)).json().items as { entity: string; entityKey: string; orgUnitId: string | null }[]).map(
      (entry) => `${entry.entity} ${entry.orgUnitId ?? '-'}`,
    );

  it('shows a province auditor only the changes about units of the province', async () => {
    const grants = Array.from({ length: 7 }, () => 'user_role p1');
    const units = ['org_unit cds_1', 'org_unit cds_2', 'org_unit d1', 'org_unit p1'];
    expect((await audit(provinceAuditor)).sort()).toEqual(['data_value cds_1', 'funder_share d1', ...units, ...grants]);
    const all = await audit(nationalAuditor);
    expect(all).toEqual(expect.arrayContaining(['data_value cds_3', 'funder_share p2', 'funder_share bi', 'funder -', 'programme_version -']));
  });

  it("names the user and the unit of each change, not only their codes", async () => {
    const items = (await call(api.app, nationalAuditor, 'GET', `${BASE}/audit?entity=data_value`)).json().items;
    expect(items).toContainEqual(expect.objectContaining({ user: 'clerk', userName: expect.stringMatching(/\S/), orgUnitId: 'cds_1', orgUnitName: expect.stringMatching(/\S/) }));
    const unit = (await call(api.app, nationalAuditor, 'GET', `${BASE}/org-units/cds_1`)).json();
    expect(items.find((entry: { orgUnitId: string }) => entry.orgUnitId === 'cds_1').orgUnitName).toBe(unit.name);
  });

  it('shows a province reader the shares of the province and of the units above it, not of another province', async () => {
    const shares = async (session: Session) => ((await call(api.app, session, 'GET', `${BASE}/funder-shares`)).json().items as { orgUnitId: string }[]).map((row) => row.orgUnitId);
    expect(await shares(provinceAuditor)).toEqual(['bi', 'd1']);
    expect(await shares(nationalAuditor)).toEqual(['bi', 'p2', 'd1']);
  });
});
