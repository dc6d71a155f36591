import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, PROGRAMME, call, login, testApi, type Session, type TestApi } from '../../test/support/api.ts';
import { backends } from '../../test/support/database.ts';
import { createUser, grantRole } from '../domain/users.ts';
import { ROLES } from '../contract/roles.ts';
import { users } from '../store/schema.ts';
import { queryRows } from '../store/sql.ts';
import { eq } from 'drizzle-orm';

/**
 * Every route of the OpenAPI document × hostile input — a NUL character, an integer past
 * PostgreSQL's, an unknown field, a wrong type, a far period, an oversized body — answers a
 * located 4xx, never a 5xx, and changes nothing stored. Requests come from a user holding
 * every role at the root and platform administration, so that authority never hides a fault.
 */
interface Parameter {
  readonly in: 'path' | 'query';
  readonly name: string;
  readonly required?: boolean;
  readonly schema?: { type?: string };
}
interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly hasBody: boolean;
}

/** Values that make a request well formed, by parameter name. */
const GOOD: Record<string, string> = {
  programmeId: PROGRAMME,
  orgUnitId: 'cds_1',
  period: '202401',
  package: 'quantity',
  activity: 'consultation',
  state: 'declared',
  funderId: 'gov',
  from: '202401',
  to: '202412',
  year: '2024',
  root: 'bi',
};
const goodValue = (parameter: Parameter) => GOOD[parameter.name] ?? (parameter.schema?.type === 'integer' ? '1' : 'x');

/** Ending the session under test is not bad input. */
const LEFT_OUT = new Set(['POST /api/auth/logout']);
const PERIODS = new Set(['period', 'from', 'to']);
const OVERSIZED = 'x'.repeat(33 * 1024 * 1024);

interface Attack {
  readonly name: string;
  readonly url: string;
  readonly body?: string;
}

function url(operation: Operation, values: Record<string, string>, extraQuery = ''): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
  const query = operation.parameters
    .filter((parameter) => parameter.in === 'query' && (parameter.required || values[parameter.name] !== undefined) && values[parameter.name] !== undefined)
    .map((parameter) => `${parameter.name}=${encodeURIComponent(values[parameter.name]!)}`);
  if (extraQuery) query.push(extraQuery);
  return query.length === 0 ? path : `${path}?${query.join('&')}`;
}

/** The hostile requests for one operation, each changing one thing of a well-formed one. */
function attacks(operation: Operation): Attack[] {
  const good: Record<string, string> = {};
  for (const parameter of operation.parameters) if (parameter.in === 'path' || parameter.required || GOOD[parameter.name]) good[parameter.name] = goodValue(parameter);
  const found: Attack[] = [];
  const withValue = (parameter: Parameter, value: string, name: string) => {
    found.push({ name: `${name} in ${parameter.in} ${parameter.name}`, url: url(operation, { ...good, [parameter.name]: value }), ...(operation.hasBody ? { body: '{}' } : {}) });
  };
  for (const parameter of operation.parameters) {
    if (parameter.name === 'programmeId') continue; // a programme nobody holds is refused before validation (403)
    if (parameter.schema?.type === 'integer') {
      withValue(parameter, '99999999999', 'a huge integer');
      withValue(parameter, 'abc', 'a wrong type');
    } else {
      withValue(parameter, 'a\u0000b', 'a NUL character');
    }
    if (PERIODS.has(parameter.name)) withValue(parameter, '999912', 'a far period');
  }
  if (operation.parameters.some((parameter) => parameter.in === 'query')) {
    found.push({ name: 'an unknown query field', url: url(operation, good, 'unexpected=1'), ...(operation.hasBody ? { body: '{}' } : {}) });
  }
  if (operation.hasBody) {
    const target = url(operation, good);
    found.push(
      { name: 'a NUL character in the body', url: target, body: JSON.stringify({ name: 'a\u0000b', reason: 'x\u0000' }) },
      { name: 'an unknown body field', url: target, body: JSON.stringify({ unexpected: 1 }) },
      { name: 'a body of the wrong type', url: target, body: '42' },
      { name: 'a far period in the body', url: target, body: JSON.stringify({ period: '999912', effectiveFrom: '999912', validFrom: '999912', orgUnitId: 'cds_1' }) },
      { name: 'an oversized body', url: target, body: OVERSIZED },
    );
  }
  return found;
}

describe.each(backends)('bad input on every route (%s)', (kind) => {
  let api: TestApi;
  let session: Session;
  let operations: Operation[];
  beforeAll(async () => {
    api = await testApi(kind);
    await api.database.db.transaction(async (tx) => {
      const id = await createUser(tx, null, { username: 'everyone', name: 'Every role', password: PASSWORD });
      for (const role of ROLES) await grantRole(tx, null, { userId: id, programmeId: PROGRAMME, role, orgUnitId: 'bi' });
      await tx.update(users).set({ platformAdmin: true }).where(eq(users.id, id));
    });
    session = await login(api.app, 'everyone');
    const document = (await call(api.app, null, 'GET', '/api/docs/json')).json() as {
      paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: operation.parameters ?? [],
        hasBody: operation.requestBody !== undefined,
      })),
    );
  });
  afterAll(() => api.close());

  it('answers a located 4xx to each, and stores nothing', async () => {
    const before = await storedState(api);
    const failures: string[] = [];
    let tried = 0;
    for (const operation of operations.filter((candidate) => !LEFT_OUT.has(`${candidate.method} ${candidate.path}`))) {
      for (const attack of attacks(operation)) {
        tried++;
        const response = await api.app.inject({
          method: operation.method,
          url: attack.url,
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(attack.body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(attack.body === undefined ? {} : { payload: attack.body }),
        });
        const error = response.statusCode >= 400 ? (response.json() as { error?: { code?: string; message?: string } }).error : undefined;
        const located = response.statusCode >= 400 && response.statusCode < 500 && error?.code !== undefined && (error.message ?? '') !== '';
        if (!located || response.statusCode === 401 || response.statusCode === 403) {
          failures.push(`${operation.method} ${operation.path} with ${attack.name}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(300);
    expect(await storedState(api)).toEqual(before);
  });

  it('names the field of an unknown one and of a NUL character, on a request otherwise right', async () => {
    const put = (body: object) => call(api.app, session, 'PUT', `/api/programmes/${PROGRAMME}/data-values/cds_1/202401/consultation/declared`, body);
    expect((await put({ value: 3, vaule: 4 })).json().error).toMatchObject({ code: 'VALIDATION', message: 'body.vaule: unknown field' });
    expect((await put({ value: 3, reason: 'typed\u0000' })).json().error).toMatchObject({ code: 'VALIDATION', message: 'body.reason: must not hold a NUL character' });
    const share = await call(api.app, session, 'POST', `/api/programmes/${PROGRAMME}/funder-shares`, { funderId: 'gov', orgUnitId: 'bi', share: '1', validFrom: '202401', valid_to: '202412' });
    expect(share.json().error.message).toBe('body.valid_to: unknown field');
  });
});

/** Every table's rows, as a count and a digest; sessions and idempotency keys are the requests' own. */
async function storedState(api: TestApi): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    api.database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'idempotency_keys') order by 1`,
  );
  const state: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ digest: string }>(
      api.database.db,
      sql`select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${sql.identifier(name)} t`,
    );
    state[name] = row!.digest;
  }
  return state;
}
