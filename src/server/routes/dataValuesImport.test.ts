import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/database.ts';
import { P, validate, workflowApi, type Who, type WorkflowApi } from '../../../test/support/workflow.ts';
import { auditLog, dataValues, jobs } from '../../store/schema.ts';
import { followJob, importAndWait } from '../../../test/support/api.ts';

describe.each(backends)('data value import (%s)', (kind) => {
  let api: WorkflowApi;
  beforeAll(async () => {
    api = await workflowApi(kind);
  });
  afterAll(() => api.close());

  const post = (who: Who, rows: unknown, query = '', extra: Record<string, string> = {}) => {
    const headers = { cookie: api.sessions[who].cookie, 'x-csrf-token': api.sessions[who].csrfToken, ...extra };
    const url = `${P}/data-values/import${query}`;
    if (typeof rows === 'string') return api.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'text/csv' }, payload: rows });
    return api.app.inject({ method: 'POST', url, headers, payload: rows as object });
  };
  /** The import, its job followed to its end: answered as the synchronous import was (see importAndWait). */
  const importRows = async (who: Who, rows: unknown, query = '') => importAndWait(api.app, api.sessions[who], await post(who, rows, query));
  const jobCount = async () => (await api.database.db.select({ n: count() }).from(jobs))[0]!.n;
  const counts = async () => {
    const [values] = await api.database.db.select({ n: count() }).from(dataValues);
    const [audits] = await api.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'data_value'));
    return { values: values!.n, audits: audits!.n };
  };
  const row = (orgUnit: string, period: string, activity: string, value: unknown, state = 'declared') => ({ orgUnit, period, activity, state, value });

  it('imports JSON rows, and changes nothing when the same rows come again', async () => {
    const rows = [row('cds_1', '202401', 'consultation', 100), row('cds_1', '202401', 'delivery', 4), row('cds_2', '202401', 'consultation', 80)];
    const first = await importRows('clerk', rows);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ dryRun: false, partial: false, rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const before = await counts();
    const again = await importRows('clerk', rows);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
    const changed = await importRows('clerk2', [row('cds_1', '202401', 'consultation', 101), ...rows.slice(1)]);
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const audit = await api.audit('cds_1/202401/consultation/declared');
    expect(audit.at(-1)).toMatchObject({ action: 'update', userId: api.users.clerk2, oldValue: { value: 100, version: 1 }, newValue: { value: 101, version: 2 }, reason: 'bulk import' });
  });

  it('reports in a dry run what would change, and writes nothing', async () => {
    const before = await counts();
    const rows = [row('cds_1', '202401', 'consultation', 102), row('cds_1', '202401', 'delivery', 4), row('cds_2', '202402', 'delivery', 1), row('cds_3', '202402', 'delivery', 1)];
    const report = await importRows('clerk', rows, '?dryRun=true');
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ dryRun: true, rows: 4, created: 1, updated: 1, unchanged: 1, rejected: 1, errors: [{ row: 4, field: 'orgUnit', code: 'OUT_OF_SCOPE' }] });
    expect(await counts()).toEqual(before);
  });

  it('writes nothing when any row is wrong, and answers 400 with every row error at once, starting no job', async () => {
    const before = await counts();
    const jobsBefore = await jobCount();
    const rows = [row('cds_1', '202403', 'consultation', 5), row('cds_1', '202403', 'delivery', -2), row('cds_9', '202403', 'delivery', 1), row('cds_2', '202403', 'surgery', 1)];
    const response = await importRows('clerk', rows);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('3 of 4 rows have errors; nothing was imported (row 2, value: must be 0 or more, not -2)');
    expect(error.details).toEqual([
      { row: 2, field: 'value', code: 'BAD_NUMBER', message: 'must be 0 or more, not -2' },
      { row: 3, field: 'orgUnit', code: 'UNKNOWN_ORG_UNIT', message: "org unit 'cds_9' is not in programme 'test_pbf'" },
      { row: 4, field: 'activity', code: 'UNKNOWN_ACTIVITY', message: "activity 'surgery' is not in any package of version 1 of the programme (in force for 202403)" },
    ]);
    expect(await counts()).toEqual(before);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('writes the good rows with partial=true and reports the others', async () => {
    const rows = [row('cds_1', '202404', 'consultation', 5), row('cds_1', '202404', 'delivery', 'many'), row('cds_2', '202404', 'delivery', 2)];
    const response = await importRows('clerk', rows, '?partial=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ partial: true, rows: 3, created: 2, rejected: 1, errors: [{ row: 2, field: 'value', code: 'BAD_NUMBER', message: 'must be a number' }] });
    const stored = await api.database.db.select().from(dataValues).where(eq(dataValues.period, '202404'));
    expect(stored.map((value) => `${value.orgUnitId}:${value.activity}`).sort()).toEqual(['cds_1:consultation', 'cds_2:delivery']);
  });

  it('names each kind of row error: unit, scope, role, activity, state, package, period, far period and lock', async () => {
    await validate(api, { orgUnit: 'cds_2', period: '202405', package: 'quantity' });
    const rows = [
      row('cds_9', '202405', 'consultation', 1),
      row('cds_3', '202405', 'consultation', 1),
      row('cds_1', '202405', 'consultation', 1, 'verified'),
      row('cds_1', '202405', 'surgery', 1),
      row('cds_1', '202405', 'consultation', 1, 'score'),
      { ...row('cds_1', '202405', 'consultation', 1), package: 'quality' },
      row('cds_1', '2024Q2', 'consultation', 1),
      row('cds_2', '202405', 'consultation', 1),
      row('cds_1', '2024-05', 'consultation', 1),
      { ...row('cds_1', '202405', 'delivery', 1), comment: 'x' },
      row('d1', '202405', 'consultation', 1),
      'cds_1,202405',
      row('cds_1', '999912', 'consultation', 1),
    ];
    const response = await importRows('clerk', rows, '?dryRun=true');
    const errors = response.json().errors.map((error: { row: number; field: string; code: string }) => `${error.row} ${error.field} ${error.code}`);
    expect(errors).toEqual([
      '1 orgUnit UNKNOWN_ORG_UNIT',
      '2 orgUnit OUT_OF_SCOPE',
      '3 state ROLE_NOT_ALLOWED',
      '4 activity UNKNOWN_ACTIVITY',
      '5 state UNKNOWN_STATE',
      '6 package UNKNOWN_PACKAGE',
      '7 period PERIOD_MISMATCH',
      '8 period LOCKED',
      '9 period BAD_PERIOD',
      '10 comment UNKNOWN_FIELD',
      '11 orgUnit NOT_IN_PACKAGE',
      '12 row INVALID_ROW',
      '13 period PERIOD_OUT_OF_RANGE',
    ]);
    expect(response.json().errors[7].message).toBe(
      "org unit 'cds_2', period 202405, package 'quantity' is validated and locked; the validation committee must unlock it first",
    );
  });

  it('refuses rows giving one value different numbers, and accepts exact repeats', async () => {
    const rows = [row('cds_1', '202406', 'consultation', 5), row('cds_1', '202406', 'consultation', 6), row('cds_1', '202406', 'delivery', 1), row('cds_1', '202406', 'delivery', 1)];
    const report = (await importRows('clerk', rows, '?dryRun=true')).json();
    expect(report).toMatchObject({ created: 1, unchanged: 1, rejected: 2 });
    expect(report.errors).toEqual([1, 2].map((line) => ({
      row: line,
      field: 'value',
      code: 'DUPLICATE',
      message: 'cds_1/202406/consultation/declared is given different values on rows 1, 2',
    })));
  });

  it('imports CSV, numbering rows by their line and naming the field of a bad row', async () => {
    const csv = [
      'orgUnit,period,activity,state,value',
      'cds_1,202407,consultation,declared,12',
      'cds_1,202407,delivery,declared,"3,5"',
      '',
      'cds_2,202407,vaccination,declared,7.25',
    ].join('\n');
    const refused = await importRows('clerk', csv);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      "1 of 3 rows have errors; nothing was imported (row 3, value: '3,5' is not a number (write digits with a dot for decimals, like 12 or 3.5))",
    );
    const partial = await importRows('clerk', csv, '?partial=true');
    expect(partial.json()).toMatchObject({ created: 2, rejected: 1, errors: [{ row: 3, field: 'value' }] });
    const again = await importRows('clerk', csv.replace('"3,5"', '3.5'));
    expect(again.json()).toMatchObject({ created: 1, unchanged: 2, rejected: 0 });
    const quality = await importRows('verifier', 'orgUnit;period;activity;state;value;package\ncds_1;2024Q3;hygiene;points;4;quality\n');
    expect(quality.json()).toMatchObject({ created: 1, rejected: 0 });
  });

  it('refuses a CSV file it cannot read as a whole', async () => {
    const cases = [
      ['orgUnit,period,activity,value\ncds_1,202408,consultation,1\n', "CSV header (line 1): missing column 'state'; the columns are orgUnit,period,activity,state,value and optionally package"],
      ['orgUnit,period,activity,state,value\ncds_1,"202408,consultation,declared,1\n', 'CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2'],
      ['', 'CSV: the file is empty; its first line must be the header orgUnit,period,activity,state,value and optionally package'],
    ];
    for (const [csv, message] of cases) {
      const response = await importRows('clerk', csv);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toBe(message);
    }
  });

  it('refuses an import to a role that enters no data', async () => {
    const response = await importRows('auditor', [row('cds_1', '202408', 'consultation', 1)]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'FORBIDDEN', message: "your roles do not allow 'data.declare' or 'data.verify' or 'data.validate' in programme 'test_pbf'" });
  });

  it('answers 202 with a data-import job, whose progress is the rows written and whose result is the report', async () => {
    const rows = [row('cds_1', '202409', 'consultation', 30), row('cds_1', '202409', 'delivery', 3), row('cds_2', '202409', 'consultation', 20)];
    const started = await post('clerk', rows);
    expect(started.statusCode, started.body).toBe(202);
    const { job } = started.json();
    expect(job).toMatchObject({ kind: 'data-import', orgUnitId: 'd1', scope: { orgUnitId: 'd1', rows: 3, partial: false }, createdBy: api.users.clerk, result: null, error: null });
    expect(['queued', 'running', 'succeeded']).toContain(job.status);
    const done = await followJob(api.app, api.sessions.clerk, job.id);
    expect(done).toMatchObject({ id: job.id, status: 'succeeded', step: 'writing', progress: { done: 3, total: 3 }, error: null });
    expect(done.result).toEqual({ dryRun: false, partial: false, rows: 3, created: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const stored = await api.database.db.select().from(dataValues).where(eq(dataValues.period, '202409'));
    expect(stored).toHaveLength(3);
    const listed = await api.app.inject({ method: 'GET', url: `${P}/jobs?kind=data-import`, headers: { cookie: api.sessions.clerk.cookie } });
    expect(listed.json().items[0]).toMatchObject({ id: job.id, kind: 'data-import', status: 'succeeded' });
  });

  it('fails the job, naming the rows, when a package is locked between the check and the write, and stores nothing', async () => {
    const before = await counts();
    // A job ahead in the queue holds the import's job until the package is locked.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const blocker = await api.jobs.start({ programmeId: 'test_pbf', kind: 'invoice-run', orgUnitId: 'p1', scope: {}, createdBy: api.users.validator }, () => gate);
    const started = await post('clerk', [row('cds_1', '202410', 'consultation', 1), row('cds_2', '202410', 'consultation', 2)]);
    expect(started.statusCode, started.body).toBe(202);
    await validate(api, { orgUnit: 'cds_2', period: '202410', package: 'quantity' });
    release();
    await api.jobs.settled(blocker.id);
    const failed = await followJob(api.app, api.sessions.clerk, started.json().job.id);
    expect(failed).toMatchObject({ status: 'failed', result: null });
    expect(failed.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^1 of 2 rows have errors; nothing was imported \(row 2, period: /) });
    expect(failed.error.details).toMatchObject([{ row: 2, field: 'period', code: 'LOCKED' }]);
    expect(await counts()).toEqual(before);
  });

  it('starts one job for an import sent twice with the same Idempotency-Key', async () => {
    const rows = [row('cds_1', '202411', 'consultation', 7)];
    const jobsBefore = await jobCount();
    const first = await post('clerk', rows, '', { 'idempotency-key': 'import-202411' });
    const again = await post('clerk', rows, '', { 'idempotency-key': 'import-202411' });
    expect(first.statusCode, first.body).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().job.id).toBe(first.json().job.id);
    expect(await jobCount()).toBe(jobsBefore + 1);
    expect((await followJob(api.app, api.sessions.clerk, first.json().job.id)).result).toMatchObject({ created: 1 });
  });
});
