import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P, validate, workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';

describe.each(backends)('workflow up to the lock (%s)', (kind) => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi(kind);
  });
  afterAll(() => api.close());

  const list = (who: 'clerk' | 'admin' | 'validator', query: string) => call(api.app, api.sessions[who], 'GET', `${P}/workflow?${query}`);

  it('moves open → declared → verified → validated, each step by its own role, and audits each', async () => {
    const key = { orgUnit: 'cds_1', period: '202401', package: 'quantity' };
    const declared = await api.step('clerk', key, 'declare');
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toMatchObject({ ...key, status: 'declared', version: 1, locked: false, updatedBy: { username: 'clerk' } });
    // What the clerk may do next: nothing, the verifier's turn (the screens show exactly this).
    expect(Object.entries(declared.json().policies).filter(([, may]) => may)).toEqual([]);
    expect((await api.step('verifier', key, 'verify')).json()).toMatchObject({ status: 'verified', version: 2 });
    expect((await api.step('validator', key, 'validate')).json()).toMatchObject({ status: 'validated', version: 3, locked: true });
    const audit = await api.audit('cds_1/202401/quantity');
    expect(audit.map((row) => [row.action, row.userId, row.oldValue, row.newValue])).toEqual([
      ['declare', api.users.clerk, { status: 'open', version: 0 }, { status: 'declared', version: 1 }],
      ['verify', api.users.verifier, { status: 'declared', version: 1 }, { status: 'verified', version: 2 }],
      ['validate', api.users.validator, { status: 'verified', version: 2 }, { status: 'validated', version: 3 }],
    ]);
  });

  it('refuses a step out of order with 409 INVALID_STATE naming the current status', async () => {
    const key = { orgUnit: 'cds_2', period: '202401', package: 'quantity' };
    const early = await api.step('verifier', key, 'verify');
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'INVALID_STATE',
      message: "org unit 'cds_2', period 202401, package 'quantity' is open; 'verify' moves it from declared to verified",
      details: { status: 'open' },
    });
    await api.step('clerk', key, 'declare');
    const twice = await api.step('clerk', key, 'declare');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toEqual({ status: 'declared' });
    expect((await api.step('validator', key, 'validate')).json().error.message).toContain('is declared');
    expect((await api.step('validator', key, 'unlock', { reason: 'typo' })).json().error.details).toEqual({ status: 'declared' });
    expect((await api.audit('cds_2/202401/quantity')).map((row) => row.action)).toEqual(['declare']);
  });

  it('lets each role move only its own step, inside its subtree', async () => {
    const key = { orgUnit: 'cds_1', period: '202402', package: 'quantity' };
    const refused = [
      ['verifier', 'declare'],
      ['validator', 'declare'],
      ['admin', 'declare'],
      ['clerk', 'verify'],
      ['validator', 'verify'],
      ['clerk', 'validate'],
      ['verifier', 'validate'],
      ['clerk', 'unlock'],
      ['verifier', 'unlock'],
      ['designer', 'unlock'],
    ] as const;
    for (const [who, step] of refused) {
      const response = await api.step(who, key, step, { reason: 'because' });
      expect(response.statusCode, `${who} ${step}`).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    const outside = await api.step('clerk', { ...key, orgUnit: 'cds_3' }, 'declare');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe("your roles do not allow 'data.declare' on org unit 'cds_3'");
  });

  it('names what is wrong with the unit, period or package', async () => {
    const cases = [
      [{ orgUnit: 'cds_1', period: '202402', package: 'bonus' }, 400, "package: package 'bonus' is not in version 1 of the programme (in force for 202402)"],
      [{ orgUnit: 'cds_1', period: '2024Q1', package: 'quantity' }, 400, "period: package 'quantity' is monthly: its period is a month, like 202401, not '2024Q1'"],
      [{ orgUnit: 'cds_1', period: '202407', package: 'quality' }, 400, "period: package 'quality' is quarterly: its period is a quarter, like 2024Q1, not '202407'"],
      [{ orgUnit: 'd1', period: '202402', package: 'quantity' }, 400, "orgUnit: org unit 'd1' takes no part in package 'quantity'"],
      [{ orgUnit: 'cds_1', period: '2023Q1', package: 'quantity' }, 404, "a version of programme 'test_pbf' in force for 2023Q1 not found"],
      [{ orgUnit: 'cds_1', period: '2024-02', package: 'quantity' }, 400, "params.period: '2024-02' is not a month (202401) or a quarter (2024Q1)"],
      [{ orgUnit: 'nowhere', period: '202402', package: 'quantity' }, 404, "org unit 'nowhere' not found"],
    ] as const;
    for (const [key, status, message] of cases) {
      const response = await api.step('clerk', key, 'declare');
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.message).toBe(message);
    }
  });

  it('unlocks only with a reason, audits the reason, and reopens editing', async () => {
    const key = { orgUnit: 'cds_2', period: '202403', package: 'quantity' };
    const value = { orgUnit: 'cds_2', period: '202403', activity: 'delivery', state: 'validated' };
    await validate(api, key);
    expect((await api.put('validator', value, { value: 4 })).statusCode).toBe(423);
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const response = await api.step('validator', key, 'unlock', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toBe("reason: give a reason to unlock org unit 'cds_2', period 202403, package 'quantity'");
    }
    const unlocked = await api.step('validator', key, 'unlock', { reason: 'verifier miscounted deliveries' });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ status: 'verified', locked: false, version: 4 });
    const [entry] = (await api.audit('cds_2/202403/quantity')).filter((row) => row.action === 'unlock');
    expect(entry).toMatchObject({
      userId: api.users.validator,
      oldValue: { status: 'validated', version: 3 },
      newValue: { status: 'verified', version: 4 },
      reason: 'verifier miscounted deliveries',
    });
    expect((await api.put('validator', value, { value: 4 })).statusCode).toBe(201);
    expect((await api.step('validator', key, 'validate')).json()).toMatchObject({ status: 'validated', version: 5 });
  });

  it('locks a quarterly package’s quarter and the months it reads, and nothing else', async () => {
    await validate(api, { orgUnit: 'cds_1', period: '2024Q3', package: 'quality' });
    const month = await api.put('verifier', { orgUnit: 'cds_1', period: '202408', activity: 'hygiene', state: 'points' }, { value: 3 });
    expect(month.statusCode).toBe(423);
    expect(month.json().error.message).toContain("org unit 'cds_1', period 2024Q3, package 'quality' is validated");
    expect((await api.put('verifier', { orgUnit: 'cds_1', period: '2024Q3', activity: 'records', state: 'points' }, { value: 3 })).statusCode).toBe(423);
    expect((await api.put('clerk', { orgUnit: 'cds_1', period: '202408', activity: 'consultation', state: 'declared' }, { value: 3 })).statusCode).toBe(201);
    expect((await api.put('verifier', { orgUnit: 'cds_2', period: '202408', activity: 'hygiene', state: 'points' }, { value: 3 })).statusCode).toBe(201);
  });

  it('lists the statuses of a subtree and period, limited to the user’s scope, paginated and filtered', async () => {
    const own = await list('clerk', 'period=202401');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      total: 2,
      limit: 100,
      offset: 0,
      items: [
        { orgUnit: 'cds_1', orgUnitName: 'CDS Un', period: '202401', package: 'quantity', status: 'validated', locked: true, updatedBy: { username: 'validator' } },
        { orgUnit: 'cds_2', orgUnitName: 'CDS Deux', status: 'declared', locked: false },
      ],
    });
    const national = await list('admin', 'period=202401&root=bi');
    expect(national.json().items.map((item: { orgUnit: string; status: string }) => `${item.orgUnit}:${item.status}`)).toEqual([
      'cds_1:validated',
      'cds_2:declared',
      'cds_3:open',
    ]);
    expect((await list('admin', 'period=202401&root=bi&limit=1&offset=2')).json()).toMatchObject({ total: 3, items: [{ orgUnit: 'cds_3' }] });
    expect((await list('admin', 'period=202401&status=open')).json()).toMatchObject({ total: 1, items: [{ orgUnit: 'cds_3' }] });
    const quarter = (await list('validator', 'period=2024Q3&root=d1')).json();
    expect(quarter.items.map((item: { orgUnit: string; package: string; status: string }) => `${item.orgUnit}:${item.package}:${item.status}`)).toEqual([
      'cds_1:quality:validated',
      'cds_2:quality:open',
    ]);
    const outside = await list('clerk', 'period=202401&root=p2');
    expect(outside.statusCode).toBe(403);
    const may = (line: { policies: Record<string, boolean> }) => Object.keys(line.policies).filter((action) => line.policies[action]);
    expect((await list('validator', 'period=202401&root=d1')).json().items.map(may)).toEqual([['unlock'], []]);
    expect(own.json().items.map(may)).toEqual([[], []]);
    expect((await list('clerk', 'period=202401&package=bonus')).json().error.message).toBe("package: 'bonus' is not in version 1 of the programme");
  });

  it('documents the routes in the OpenAPI document', async () => {
    const paths = Object.keys((await call(api.app, null, 'GET', '/api/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/programmes/{programmeId}/data-values',
        '/api/programmes/{programmeId}/data-values/{orgUnitId}/{period}/{activity}/{state}',
        '/api/programmes/{programmeId}/data-values/import',
        '/api/programmes/{programmeId}/workflow',
        '/api/programmes/{programmeId}/workflow/{orgUnitId}/{period}/{package}/declare',
        '/api/programmes/{programmeId}/workflow/{orgUnitId}/{period}/{package}/verify',
        '/api/programmes/{programmeId}/workflow/{orgUnitId}/{period}/{package}/validate',
        '/api/programmes/{programmeId}/workflow/{orgUnitId}/{period}/{package}/unlock',
      ]),
    );
  });
});
