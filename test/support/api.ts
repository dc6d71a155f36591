import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createProgramme, saveProgrammeVersion } from '../../src/domain/programmes.ts';
import { importOrgUnits } from '../../src/domain/orgTree/importTree.ts';
import type { UnitRecordInput } from '../../src/contract/api/orgUnits.ts';
import { createUser, grantRole } from '../../src/domain/users.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { JobRunner } from '../../src/domain/jobs/jobRunner.ts';
import type { Database } from '../../src/store/database.ts';
import { ROLES, type Role } from '../../src/contract/roles.ts';
import { testDatabase } from './database.ts';

export const PROGRAMME = 'test_pbf';
export const PASSWORD = 'correct horse battery staple';

/** bi → p1 → d1 → cds_1, cds_2 and bi → p2 → d2 → cds_3; roles are given on p1. */
export const TREE: UnitRecordInput[] = [
  { id: 'bi', name: 'Burundi' },
  { id: 'p1', name: 'Province 1', parent: 'bi', groups: { type: 'province' } },
  { id: 'd1', name: 'District 1', parent: 'p1', groups: { type: 'district' }, attributes: { quarterly_budget: 1_000_000 } },
  { id: 'cds_1', name: 'CDS Un', parent: 'd1', groups: { type: 'cds', equity: 'cat1' } },
  { id: 'cds_2', name: 'CDS Deux', parent: 'd1', groups: { type: 'cds', equity: 'cat2' } },
  { id: 'p2', name: 'Province 2', parent: 'bi', groups: { type: 'province' } },
  { id: 'd2', name: 'District 2', parent: 'p2', groups: { type: 'district' }, attributes: { quarterly_budget: 500_000 } },
  { id: 'cds_3', name: 'CDS Trois', parent: 'd2', groups: { type: 'cds', equity: 'cat3' } },
];

/** A monthly quantity package with a 10% verification tolerance and a monthly payment. */
export const PROGRAMME_DEFINITION = {
  code: PROGRAMME,
  currency: 'BIF',
  packages: [
    {
      code: 'quantity',
      frequency: 'monthly',
      appliesTo: { type: ['cds'] },
      inputs: ['declared', 'verified', 'validated'],
      activities: [
        { code: 'consultation', constants: { tariff: 250 } },
        { code: 'delivery', constants: { tariff: 9000 } },
      ],
      activityFormulas: {
        gap: 'SAFE_DIV(ABS(declared - verified), verified)',
        paid: 'IF(gap > 0.1, 0, verified)',
        amount: 'paid * tariff',
      },
      formulas: { total: 'SUM(amount)' },
    },
  ],
  decisionTables: [],
  payments: [{ code: 'monthly', frequency: 'monthly', packages: ['quantity'], formulas: { to_pay: 'quantity.total' } }],
};

/**
 * One user per role, named after it, with the role on p1; `admin` and `designer` also hold
 * their role on bi (nationally), as the programme's rules, money and tree need.
 */
export async function seed(database: Database): Promise<Record<Role, number>> {
  return database.db.transaction(async (tx) => {
    await createProgramme(tx, null, { id: PROGRAMME, name: 'Test PBF', currency: 'BIF', currencyDecimals: 0 });
    await importOrgUnits(tx, null, PROGRAMME, TREE);
    const ids = {} as Record<Role, number>;
    for (const role of ROLES) {
      ids[role] = await createUser(tx, null, { username: role, name: `The ${role}`, password: PASSWORD });
      await grantRole(tx, null, { userId: ids[role], programmeId: PROGRAMME, role, orgUnitId: 'p1' });
    }
    await grantRole(tx, null, { userId: ids.admin, programmeId: PROGRAMME, role: 'admin', orgUnitId: 'bi' });
    await grantRole(tx, null, { userId: ids.designer, programmeId: PROGRAMME, role: 'designer', orgUnitId: 'bi' });
    const designer = { userId: ids.designer, username: 'designer', name: '', locale: 'en', grants: [], platformAdmin: false };
    await saveProgrammeVersion(tx, designer, PROGRAMME, { definition: PROGRAMME_DEFINITION, effectiveFrom: '202401' });
    return ids;
  });
}

export interface TestApi {
  readonly app: FastifyInstance;
  readonly database: Database;
  /** The app's job runner: a test waits on it for a job it started (`jobs.settled(id)`). */
  readonly jobs: JobRunner;
  readonly users: Record<Role, number>;
  close(): Promise<void>;
}

export async function testApi(kind: 'pglite' | 'postgres'): Promise<TestApi> {
  const database = await testDatabase(kind);
  const users = await seed(database);
  const { app, jobs } = await buildTestApp(database);
  return {
    app,
    database,
    jobs,
    users,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'openpbf_session')!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrfToken: response.json().csrfToken };
}

/** A request as a signed-in user, with the CSRF header. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {},
  });
}

const runners = new WeakMap<FastifyInstance, JobRunner>();

/** Builds the app of a test with a job runner `runInvoicesAndWait` waits on. */
export async function buildTestApp(database: Database, options: Omit<AppOptions, 'database' | 'jobs'> = {}): Promise<{ app: FastifyInstance; jobs: JobRunner }> {
  const jobs = new JobRunner(database.db, (error) => console.error(error));
  const app = await buildApp({ database, loginAttemptsPerMinute: 10_000, ...options, jobs });
  runners.set(app, jobs);
  return { app, jobs };
}

/** How a job's error code was answered when the run was a request of its own. */
const STATUS_OF: Record<string, number> = { VALIDATION: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INVALID_STATE: 409, INVOICE_RUN_FAILED: 422, DATABASE_UNAVAILABLE: 503 };

/**
 * Starts an invoice run (202 and its job), waits for the job, and answers as the run's
 * request did before it was a job: 201 (a new run) or 200 (the stored one) with
 * `{created, run}`, or the job's error with its status. The start's own refusals (403,
 * 400) are answered as they are. For the tests of what runs do, not of how jobs answer.
 */
export async function runInvoicesAndWait(
  app: FastifyInstance,
  session: Session,
  body: { orgUnitId: string; period: string },
): Promise<Pick<LightMyRequestResponse, 'statusCode' | 'json' | 'body'>> {
  const started = await call(app, session, 'POST', `/api/programmes/${PROGRAMME}/invoice-runs`, body);
  if (started.statusCode !== 202) return started;
  const { id } = started.json().job as { id: number };
  const runner = runners.get(app);
  if (!runner) throw new Error('runInvoicesAndWait: the app was not built by testApi');
  await runner.settled(id);
  const job = (await call(app, session, 'GET', `/api/programmes/${PROGRAMME}/jobs/${id}`)).json();
  if (job.status !== 'succeeded') {
    const answer = { error: job.error };
    return answered(STATUS_OF[job.error.code] ?? 500, answer);
  }
  const { diff: _diff, ...run } = (await call(app, session, 'GET', `/api/programmes/${PROGRAMME}/invoice-runs/${job.result.runId}`)).json();
  const answer = { created: job.result.created, run };
  return answered(job.result.created ? 201 : 200, answer);
}

function answered(statusCode: number, answer: unknown): Pick<LightMyRequestResponse, 'statusCode' | 'json' | 'body'> {
  return { statusCode, json: (() => answer) as LightMyRequestResponse['json'], body: JSON.stringify(answer) };
}

/**
 * An import's answer as it was before its write was a job: a 202's job is awaited and answered
 * as 200 with its report (the job's result), or as its error with the status the request had.
 * Other answers — a dry run's 200, the request's own refusals (400, 403, 413, 422) — as they
 * are. For the tests of what imports do, not of how their jobs answer.
 */
export async function importAndWait(
  app: FastifyInstance,
  session: Session,
  started: LightMyRequestResponse,
): Promise<Pick<LightMyRequestResponse, 'statusCode' | 'json' | 'body'>> {
  if (started.statusCode !== 202) return started;
  const job = await followJob(app, session, started.json().job.id as number);
  if (job.status !== 'succeeded') return answered(STATUS_OF[job.error.code] ?? 500, { error: job.error });
  return answered(200, job.result);
}

/** Waits for a job started by the app's runner to end, and answers it as GET /jobs/:jobId does. */
export async function followJob(app: FastifyInstance, session: Session, id: number) {
  const runner = runners.get(app);
  if (!runner) throw new Error('followJob: the app was not built by testApi');
  await runner.settled(id);
  const read = await call(app, session, 'GET', `/api/programmes/${PROGRAMME}/jobs/${id}`);
  if (read.statusCode !== 200) throw new Error(`job ${id}: ${read.statusCode} ${read.body}`);
  return read.json();
}
