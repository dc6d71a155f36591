import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProgrammeVersion } from '../../domain/programmes.ts';
import { IMPORT_LIMITS } from '../../contract/importLimits.ts';
import { auditLog, dataValues } from '../../store/schema.ts';
import { PROGRAMME_DEFINITION, login, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { P } from '../../../test/support/workflow.ts';
import { MAX_JSON_NODES } from './importJson.ts';

/** Months from 201001 (past ones: a month to come is refused), as many as asked. */
const months = (n: number) => Array.from({ length: n }, (_, i) => `${2010 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, '0')}`);
const row = (period: string, value = 1) => ({ orgUnit: 'cds_1', period, activity: 'consultation', state: 'declared', value });
const csvOf = (rows: readonly ReturnType<typeof row>[]) =>
  ['orgUnit,period,activity,state,value', ...rows.map((r) => `${r.orgUnit},${r.period},${r.activity},${r.state},${r.value}`)].join('\n');

describe.each(backends)('the limits of a data value import (%s)', (kind) => {
  let api: TestApi;
  let clerk: Session;
  beforeAll(async () => {
    api = await testApi(kind);
    // Rules in force from 2010, for the ten years of months an import may span.
    const designer = { userId: api.users.designer, username: 'designer', name: '', locale: 'en', grants: [], platformAdmin: false };
    await api.database.db.transaction((tx) => saveProgrammeVersion(tx, designer, 'test_pbf', { definition: PROGRAMME_DEFINITION, effectiveFrom: '201001' }));
    clerk = await login(api.app, 'clerk');
  });
  afterAll(() => api.close());

  const post = (payload: string, contentType: 'text/csv' | 'application/json', query = '') =>
    api.app.inject({
      method: 'POST',
      url: `${P}/data-values/import${query}`,
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken, 'content-type': contentType },
      payload,
    });
  const stored = async () => {
    const [values] = await api.database.db.select({ n: count() }).from(dataValues);
    const [audits] = await api.database.db.select({ n: count() }).from(auditLog);
    return { values: values!.n, audits: audits!.n };
  };
  const refusal = (code: string, message: RegExp, details: object) => ({ error: { code, message: expect.stringMatching(message), details } });

  it('refuses more rows than the limit with 413, counted before parsing, in CSV and JSON, and stores nothing', async () => {
    const before = await stored();
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, () => row('202401'));
    const csv = await post(csvOf(rows), 'text/csv');
    expect(csv.statusCode, csv.body.slice(0, 300)).toBe(413);
    expect(csv.json()).toEqual(refusal('IMPORT_TOO_LARGE', /has 100,001 rows \(CSV lines after the header\); an import takes at most 100,000/, { limit: 'rows', max: 100_000, rows: 100_001 }));
    const json = await post(JSON.stringify(rows), 'application/json');
    expect(json.statusCode, json.body.slice(0, 300)).toBe(413);
    expect(json.json()).toEqual(refusal('IMPORT_TOO_LARGE', /has 100,001 rows \(JSON array items\); an import takes at most 100,000/, { limit: 'rows', max: 100_000, rows: 100_001 }));
    expect(await stored()).toEqual(before);
  });

  it('refuses JSON nesting more values than the rows it may hold with 413, before parsing it', async () => {
    const nested = JSON.stringify([{ ...row('202401'), value: Array.from({ length: MAX_JSON_NODES }, () => ({})) }]);
    const response = await post(nested, 'application/json');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(refusal('IMPORT_TOO_LARGE', /objects, arrays and items; 100,000 rows hold at most 800,000/, expect.objectContaining({ limit: 'jsonNodes' })));
  });

  it('refuses a body over the route limit with 413 in the error format, naming the limit', async () => {
    const response = await post(`orgUnit,period,activity,state,value\n${'x'.repeat(IMPORT_LIMITS.bodyBytes)}`, 'text/csv');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(refusal('BODY_TOO_LARGE', /larger than the 16,777,216 bytes this route takes/, { limit: 'bodyBytes', max: IMPORT_LIMITS.bodyBytes }));
  });

  it('refuses rows about more distinct periods than the limit with 422, and takes as many as the limit', async () => {
    const before = await stored();
    const tooMany = await post(JSON.stringify(months(IMPORT_LIMITS.periods + 1).map((period) => row(period))), 'application/json');
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toEqual(
      refusal('IMPORT_TOO_MANY_PERIODS', /about 121 periods; an import takes at most 120/, { limit: 'periods', max: 120, periods: 121 }),
    );
    expect(await stored()).toEqual(before);
    const atLimit = await post(csvOf(months(IMPORT_LIMITS.periods).map((period) => row(period))), 'text/csv', '?dryRun=true');
    expect(atLimit.statusCode, atLimit.body.slice(0, 300)).toBe(200);
    expect(atLimit.json()).toMatchObject({ rows: 120, created: 120, rejected: 0 });
  });
});
