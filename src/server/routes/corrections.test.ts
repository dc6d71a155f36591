import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P, workflowApi, type WorkflowApi } from '../../../test/support/workflow.ts';

/** Each state freezes what came before; each step back is taken by the role that relied on it. */
describe.each(backends)('corrections up to the lock (%s)', (kind) => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi(kind);
  });
  afterAll(() => api.close());

  const value = (orgUnit: string, period: string, state: string) => ({ orgUnit, period, activity: 'consultation', state });
  const sheet = async (orgUnit: string, period: string) =>
    (await call(api.app, api.sessions.clerk, 'GET', `${P}/data-values?orgUnitId=${orgUnit}&period=${period}`)).json();

  it('freezes the declared values once declared: the clerk cannot change them after the verifier counted', async () => {
    const key = { orgUnit: 'cds_1', period: '202403', package: 'quantity' };
    expect((await api.put('clerk', value('cds_1', '202403', 'declared'), { value: 850 })).statusCode).toBe(201);
    expect((await api.step('clerk', key, 'declare')).statusCode).toBe(200);
    expect((await api.put('verifier', value('cds_1', '202403', 'verified'), { value: 700 })).statusCode).toBe(201);
    const changed = await api.put('clerk', value('cds_1', '202403', 'declared'), { value: 999, version: 1 });
    expect(changed.statusCode).toBe(423);
    expect(changed.json().error).toMatchObject({
      code: 'FROZEN',
      message: "org unit 'cds_1', period 202403, package 'quantity' is declared, so its declared values no longer change: the verifier must return the declaration to change them",
    });
    expect((await sheet('cds_1', '202403')).values.find((row: { state: string }) => row.state === 'declared')).toMatchObject({ value: 850, version: 1 });
    expect((await sheet('cds_1', '202403')).packages[0]).toMatchObject({ status: 'declared', frozen: ['declared'] });
  });

  it('returns a declaration to the clerk with a reason, by the verifier alone; the clerk corrects and declares again', async () => {
    const key = { orgUnit: 'cds_2', period: '202403', package: 'quantity' };
    await api.put('clerk', value('cds_2', '202403', 'declared'), { value: 40 });
    await api.step('clerk', key, 'declare');
    const noReason = await api.step('verifier', key, 'return-declaration');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason: give a reason to return-declaration');
    for (const who of ['clerk', 'validator', 'admin'] as const) {
      expect((await api.step(who, key, 'return-declaration', { reason: 'register shows 44' })).statusCode, who).toBe(403);
    }
    const returned = await api.step('verifier', key, 'return-declaration', { reason: 'register shows 44' });
    expect(returned.json()).toMatchObject({ status: 'open', version: 2 });
    expect((await api.put('clerk', value('cds_2', '202403', 'declared'), { value: 44, version: 1 })).statusCode).toBe(200);
    expect((await api.step('clerk', key, 'declare')).json()).toMatchObject({ status: 'declared', version: 3 });
    const audit = await api.audit('cds_2/202403/quantity');
    expect(audit.map((row) => [row.action, row.userId, row.reason])).toEqual([
      ['declare', api.users.clerk, null],
      ['return-declaration', api.users.verifier, 'register shows 44'],
      ['declare', api.users.clerk, null],
    ]);
  });

  it('freezes the verified values once verified; the committee returns the verification and the verifier recounts', async () => {
    const key = { orgUnit: 'cds_1', period: '202404', package: 'quantity' };
    await api.step('clerk', key, 'declare');
    expect((await api.put('verifier', value('cds_1', '202404', 'verified'), { value: 70 })).statusCode).toBe(201);
    await api.step('verifier', key, 'verify');
    const late = await api.put('verifier', value('cds_1', '202404', 'verified'), { value: 72, version: 1 });
    expect(late.statusCode).toBe(423);
    expect(late.json().error.message).toContain('the validation committee must return the verification');
    expect((await api.step('verifier', key, 'return-verification', { reason: 'recount' })).statusCode).toBe(403);
    expect((await api.step('validator', key, 'return-verification', { reason: 'page 3 not counted' })).json()).toMatchObject({ status: 'declared' });
    // Back at declared: the verifier's figures change again, the clerk's stay frozen.
    expect((await api.put('verifier', value('cds_1', '202404', 'verified'), { value: 72, version: 1 })).statusCode).toBe(200);
    expect((await api.put('clerk', value('cds_1', '202404', 'declared'), { value: 72 })).statusCode).toBe(423);
    expect((await api.step('verifier', key, 'verify')).json()).toMatchObject({ status: 'verified' });
  });

  it('refuses a return from any other status, naming it', async () => {
    const key = { orgUnit: 'cds_2', period: '202404', package: 'quantity' };
    const open = await api.step('verifier', key, 'return-declaration', { reason: 'x' });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.details).toEqual({ status: 'open' });
    await api.step('clerk', key, 'declare');
    expect((await api.step('validator', key, 'return-verification', { reason: 'x' })).json().error.details).toEqual({ status: 'declared' });
  });

  it('refuses frozen rows of an import, each named, and stores none of the file', async () => {
    const key = { orgUnit: 'cds_1', period: '202405', package: 'quantity' };
    await api.put('clerk', value('cds_1', '202405', 'declared'), { value: 5 });
    await api.step('clerk', key, 'declare');
    const csv = 'orgUnit,period,activity,state,value\ncds_2,202405,consultation,declared,6\ncds_1,202405,consultation,declared,9\n';
    const headers = { cookie: api.sessions.clerk.cookie, 'x-csrf-token': api.sessions.clerk.csrfToken, 'content-type': 'text/csv' };
    const response = await api.app.inject({ method: 'POST', url: `${P}/data-values/import`, headers, payload: csv });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details).toMatchObject([{ row: 3, field: 'period', code: 'FROZEN' }]);
    expect((await sheet('cds_2', '202405')).values).toEqual([]);
  });

  it('validates the verified figure where the committee entered none, audited as the committee’s, keeping what it entered', async () => {
    const key = { orgUnit: 'cds_2', period: '202405', package: 'quantity' };
    await api.step('clerk', key, 'declare');
    await api.put('verifier', { ...value('cds_2', '202405', 'verified'), activity: 'consultation' }, { value: 80 });
    await api.put('verifier', { ...value('cds_2', '202405', 'verified'), activity: 'delivery' }, { value: 9 });
    await api.step('verifier', key, 'verify');
    await api.put('validator', { ...value('cds_2', '202405', 'validated'), activity: 'delivery' }, { value: 8 });
    expect((await api.step('validator', key, 'validate')).json()).toMatchObject({ status: 'validated', locked: true });
    const validated = (await sheet('cds_2', '202405')).values.filter((row: { state: string }) => row.state === 'validated');
    expect(validated.map((row: { activity: string; value: number }) => [row.activity, row.value])).toEqual([
      ['consultation', 80],
      ['delivery', 8],
    ]);
    const [stored] = await api.audit('cds_2/202405/consultation/validated');
    expect(stored).toMatchObject({ action: 'create', userId: api.users.validator, reason: 'validated as verified: the committee entered no other figure' });
  });
});
