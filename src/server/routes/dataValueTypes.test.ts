import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P, VERSION_2, workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';

/** Version 2 of the test rules with typed inputs, from 202501: quantities are counts, quality points percentages. */
const TYPED = {
  ...VERSION_2,
  packages: [
    { ...VERSION_2.packages[0]!, inputTypes: { declared: 'count', verified: 'count', validated: 'count' } },
    { ...VERSION_2.packages[1]!, inputTypes: { points: 'percentage' } },
  ],
};

describe.each(backends)('typed inputs (%s)', (kind) => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi(kind);
    const saved = await call(api.app, api.sessions.designer, 'POST', `${P}/versions`, { definition: TYPED, effectiveFrom: '202501' });
    expect(saved.statusCode, saved.body).toBe(201);
  });
  afterAll(() => api.close());

  const stored = async (orgUnit: string, period: string) =>
    (await call(api.app, api.sessions.clerk, 'GET', `${P}/data-values?orgUnitId=${orgUnit}&period=${period}`)).json().values;

  it('refuses 12.5 deliveries where the package counts them, naming the unit, activity and state', async () => {
    const key = { orgUnit: 'cds_1', period: '202501', activity: 'delivery', state: 'declared' };
    const refused = await api.put('clerk', key, { value: 12.5 });
    expect(refused.statusCode, refused.body).toBe(400);
    const message = "the declared value of activity 'delivery' at 'cds_1' for 202501 is a count of events: a whole number, not 12.5 (package 'quantity' types declared as count)";
    expect(refused.json().error).toEqual({ code: 'VALIDATION', message: `value: ${message}`, details: [{ at: 'value', code: 'WRONG_TYPE', message }] });
    expect(await stored('cds_1', '202501')).toEqual([]);
    expect((await api.put('clerk', key, { value: 12 })).statusCode).toBe(201);
  });

  it('refuses a percentage above 100 from the verifier, and takes what the type allows', async () => {
    const key = { orgUnit: 'cds_1', period: '2025Q1', activity: 'hygiene', state: 'points' };
    const refused = await api.put('verifier', key, { value: 120 });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details).toEqual([{ at: 'value', code: 'WRONG_TYPE', message: expect.stringContaining('is a percentage: from 0 to 100, not 120') }]);
    expect((await api.put('verifier', key, { value: 87.5 })).statusCode).toBe(201);
  });

  it('types only the periods of the version that types them', async () => {
    const before = await api.put('clerk', { orgUnit: 'cds_2', period: '202412', activity: 'delivery', state: 'declared' }, { value: 12.5 });
    expect(before.statusCode, before.body).toBe(201);
  });

  it('reports every imported row of the wrong type with its row and field, and imports none', async () => {
    const rows = [
      { orgUnit: 'cds_2', period: '202501', activity: 'consultation', state: 'declared', value: 40 },
      { orgUnit: 'cds_2', period: '202501', activity: 'delivery', state: 'declared', value: 2.5 },
    ];
    const headers = { cookie: api.sessions.clerk.cookie, 'x-csrf-token': api.sessions.clerk.csrfToken };
    const dryRun = await api.app.inject({ method: 'POST', url: `${P}/data-values/import?dryRun=true`, headers, payload: rows });
    expect(dryRun.json()).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 2, field: 'value', code: 'WRONG_TYPE', message: expect.stringContaining("activity 'delivery' at 'cds_2'") }] });
    const csv = `orgUnit,period,activity,state,value\n${rows.map((row) => Object.values(row).join(',')).join('\n')}\n`;
    const imported = await api.app.inject({ method: 'POST', url: `${P}/data-values/import`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode, imported.body).toBe(400);
    expect(imported.json().error.details).toEqual([expect.objectContaining({ row: 3, field: 'value', code: 'WRONG_TYPE' })]);
    expect(await stored('cds_2', '202501')).toEqual([]);
  });
});
