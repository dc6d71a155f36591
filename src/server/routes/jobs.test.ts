import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus } from '../../../test/support/invoices.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

describe.each(backends)('invoice runs as jobs (%s)', (kind) => {
  let api: TestApi;
  let validator: Session;

  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator_p2', 'validator', 'p2');
    await enterValues(api.database.db, quantityRows('cds_1', '202401', { consultation: 100, delivery: 10 }));
    await setStatus(api.database.db, ['cds_1'], '202401', 'validated');
    validator = await login(api.app, 'validator');
  });
  afterAll(() => api.close());

  it('answers 202 with the queued job, whose result is the run once it succeeded', async () => {
    const started = await call(api.app, validator, 'POST', `${BASE}/invoice-runs`, { orgUnitId: 'p1', period: '202401' });
    expect(started.statusCode, started.body).toBe(202);
    const { job } = started.json();
    expect(job).toMatchObject({
      kind: 'invoice-run',
      programmeId: PROGRAMME,
      orgUnitId: 'p1',
      scope: { orgUnitId: 'p1', period: '202401' },
      createdBy: api.users.validator,
      status: 'queued',
      progress: { done: 0, total: 0 },
      result: null,
      error: null,
    });
    await api.jobs.settled(job.id);
    const done = (await call(api.app, validator, 'GET', `${BASE}/jobs/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', result: { runId: expect.any(Number), created: true }, error: null });
    // p1's subtree holds four units; the engine reported each.
    expect(done).toMatchObject({ step: 'writing', startedAt: expect.any(String), finishedAt: expect.any(String) });
    const run = (await call(api.app, validator, 'GET', `${BASE}/invoice-runs/${done.result.runId}`)).json();
    expect(run).toMatchObject({ rootOrgUnitId: 'p1', period: '202401', invoiceCount: 1, total: '115000.00' });
  });

  it('records why a run failed as the job’s error, and refuses at once what it can', async () => {
    const started = (await call(api.app, validator, 'POST', `${BASE}/invoice-runs`, { orgUnitId: 'p1', period: '202301' })).json().job;
    await api.jobs.settled(started.id);
    expect((await call(api.app, validator, 'GET', `${BASE}/jobs/${started.id}`)).json()).toMatchObject({
      status: 'failed',
      result: null,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('202301') },
    });
    const refused = await call(api.app, validator, 'POST', `${BASE}/invoice-runs`, { orgUnitId: 'p2', period: '202401' });
    expect(refused.statusCode).toBe(403);
    const year = await call(api.app, validator, 'POST', `${BASE}/invoice-runs`, { orgUnitId: 'p1', period: '2024' });
    expect(year.statusCode).toBe(400);
  });

  it('shows a job to whoever may read its unit, and to no one else', async () => {
    const { job } = (await call(api.app, validator, 'POST', `${BASE}/invoice-runs`, { orgUnitId: 'd1', period: '202401' })).json();
    await api.jobs.settled(job.id);
    const url = `${BASE}/jobs/${job.id}`;
    expect((await call(api.app, await login(api.app, 'clerk'), 'GET', url)).statusCode).toBe(200);
    expect((await call(api.app, await login(api.app, 'admin'), 'GET', url)).statusCode).toBe(200);
    const other = await login(api.app, 'validator_p2');
    const refused = await call(api.app, other, 'GET', url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("org unit 'd1'");
    expect((await call(api.app, other, 'GET', `${BASE}/jobs`)).json().items).toEqual([]);
    expect((await call(api.app, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(api.app, validator, 'GET', `${BASE}/jobs/99999`)).statusCode).toBe(404);
  });

  it('lists the newest jobs first, by kind and status, so a screen finds one under way again', async () => {
    const all = (await call(api.app, validator, 'GET', `${BASE}/jobs?kind=invoice-run`)).json().items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.map((job: { id: number }) => job.id)).toEqual([...all.map((job: { id: number }) => job.id)].sort((a, b) => b - a));
    expect((await call(api.app, validator, 'GET', `${BASE}/jobs?status=queued&status=running`)).json().items).toEqual([]);
    const failed = (await call(api.app, validator, 'GET', `${BASE}/jobs?status=failed`)).json().items;
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', scope: { orgUnitId: 'p1', period: '202301' } })]);
    expect((await call(api.app, validator, 'GET', `${BASE}/jobs?status=done`)).statusCode).toBe(400);
  });
});
