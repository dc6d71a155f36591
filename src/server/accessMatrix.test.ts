import { insertJob } from '../domain/jobs/jobRecords.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, PROGRAMME, PROGRAMME_DEFINITION, call, login, testApi, type Session, type TestApi } from '../../test/support/api.ts';
import { backends } from '../../test/support/database.ts';
import { eq } from 'drizzle-orm';
import { approveInvoices } from '../domain/invoices/approveInvoices.ts';
import { runInvoices } from '../domain/invoices/runInvoices.ts';
import { addFunderShare } from '../domain/payments/addFunderShare.ts';
import { createFunder } from '../domain/payments/createFunder.ts';
import { orderPayments } from '../domain/payments/orderPayments.ts';
import { createVerificationDraw } from '../domain/verification/createVerificationDraw.ts';
import { actorWith, addUser, enterValues, quantityRows, setStatus } from '../../test/support/invoices.ts';
import { createUser } from '../domain/users.ts';
import { ROLES, type Role } from '../contract/roles.ts';
import { invoices, users } from '../store/schema.ts';

/**
 * Every route × every role held at the root, on a province and on a district (and a platform
 * administrator) × a unit inside and outside those subtrees: cds_1 is under p1 and d1, cds_3
 * under p2. The expected answer is written out here, independently of the permission code:
 * a route lists the roles that may use it, whether it is scoped to an org unit, and whether
 * it needs the role at the root of the tree.
 */
interface RouteCase {
  readonly name: string;
  /** The route as the OpenAPI document names it, to check every route is in the matrix. */
  readonly path: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: (unit: string, user: string) => string;
  readonly body?: (unit: string) => unknown;
  /** Roles allowed; 'any' = every signed-in user; 'platform' = platform administrators only. */
  readonly roles: readonly Role[] | 'any' | 'platform';
  /** Whether the answer depends on the org unit being in the role's subtree. */
  readonly scoped: boolean;
  /** Whether the role must be held at the root of the tree (the programme's rules, money and tree). */
  readonly national?: true;
}

const P = `/api/programmes/${PROGRAMME}`;
const ALL_READERS: readonly Role[] = ['admin', 'designer', 'clerk', 'verifier', 'validator', 'payer', 'auditor'];

export const ROUTES: readonly RouteCase[] = [
  { name: 'list programmes', path: '/api/programmes', method: 'GET', url: () => '/api/programmes', roles: 'any', scoped: false },
  { name: 'list versions', path: '/api/programmes/{programmeId}/versions', method: 'GET', url: () => `${P}/versions`, roles: ALL_READERS, scoped: false },
  { name: 'get version', path: '/api/programmes/{programmeId}/versions/{version}', method: 'GET', url: () => `${P}/versions/1`, roles: ALL_READERS, scoped: false },
  {
    name: 'save version',
    path: '/api/programmes/{programmeId}/versions',
    method: 'POST',
    url: () => `${P}/versions`,
    body: () => ({ definition: { code: 'x' }, effectiveFrom: '202401' }),
    roles: ['designer', 'admin'],
    scoped: false,
    national: true,
  },
  { name: 'org unit', path: '/api/programmes/{programmeId}/org-units/{orgUnitId}', method: 'GET', url: (unit) => `${P}/org-units/${unit}`, roles: ALL_READERS, scoped: true },
  { name: 'org-unit children', path: '/api/programmes/{programmeId}/org-units', method: 'GET', url: (unit) => `${P}/org-units?parent=${unit}`, roles: ALL_READERS, scoped: true },
  {
    name: 'import the tree',
    path: '/api/programmes/{programmeId}/org-units',
    method: 'PUT',
    url: () => `${P}/org-units`,
    body: () => ({ units: [{ id: 'dup' }, { id: 'dup' }] }),
    roles: ['designer', 'admin'],
    scoped: false,
    national: true,
  },
  {
    name: 'add a unit',
    path: '/api/programmes/{programmeId}/org-units',
    method: 'POST',
    url: () => `${P}/org-units`,
    body: (unit) => ({ id: `${unit}_child`, parent: 'nowhere' }),
    roles: ['designer', 'admin'],
    scoped: false,
    national: true,
  },
  {
    name: 'edit a unit',
    path: '/api/programmes/{programmeId}/org-units/{orgUnitId}',
    method: 'PATCH',
    url: (unit) => `${P}/org-units/${unit}`,
    body: () => ({ validFrom: '2001-01-01', validTo: '2000-01-01' }),
    roles: ['designer', 'admin'],
    scoped: false,
    national: true,
  },
  { name: 'audit log', path: '/api/programmes/{programmeId}/audit', method: 'GET', url: () => `${P}/audit`, roles: ['auditor', 'admin', 'designer'], scoped: false },
  { name: 'list users', path: '/api/users', method: 'GET', url: () => '/api/users', roles: ['admin'], scoped: false },
  {
    name: 'create user',
    path: '/api/users',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({ username: 'matrix.user', name: 'Matrix', password: 'long enough password' }),
    roles: ['admin'],
    scoped: false,
  },
  {
    name: 'deactivate user',
    path: '/api/users/{userId}',
    method: 'PATCH',
    url: () => '/api/users/999999',
    body: () => ({ active: false }),
    roles: ['admin'],
    scoped: false,
  },
  {
    name: 'create programme',
    path: '/api/programmes',
    method: 'POST',
    url: () => '/api/programmes',
    body: () => ({ id: 'test_pbf', name: 'Duplicate', currency: 'BIF' }),
    roles: 'platform',
    scoped: false,
  },
  {
    name: 'grant role',
    path: '/api/users/{userId}/roles',
    method: 'POST',
    url: () => '/api/users/999999/roles',
    body: (unit) => ({ programmeId: PROGRAMME, role: 'clerk', orgUnitId: unit }),
    roles: ['admin'],
    scoped: true,
  },
  {
    name: 'revoke role',
    path: '/api/users/{userId}/roles',
    method: 'DELETE',
    url: () => '/api/users/999999/roles',
    body: (unit) => ({ programmeId: PROGRAMME, role: 'clerk', orgUnitId: unit }),
    roles: ['admin'],
    scoped: true,
  },
  { name: 'who am I', path: '/api/auth/me', method: 'GET', url: () => '/api/auth/me', roles: 'any', scoped: false },
  {
    name: 'change own password',
    path: '/api/auth/password',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not the password', newPassword: 'a long and unusual new password' }),
    roles: 'any',
    scoped: false,
  },
  {
    name: 'reset a password',
    path: '/api/users/{userId}/password-reset',
    method: 'POST',
    url: () => '/api/users/999999/password-reset',
    body: () => ({}),
    roles: ['admin'],
    scoped: false,
  },
  {
    name: 'draw facilities to verify',
    path: '/api/programmes/{programmeId}/verification-draws',
    method: 'POST',
    url: () => `${P}/verification-draws`,
    body: (unit) => ({ rootOrgUnitId: unit, period: '202407' }),
    roles: ['validator', 'designer'],
    scoped: true,
  },
  {
    name: 'list draws',
    path: '/api/programmes/{programmeId}/verification-draws',
    method: 'GET',
    url: (unit) => `${P}/verification-draws?orgUnitId=${unit}`,
    roles: ALL_READERS,
    scoped: true,
  },
  {
    name: 'show a draw',
    path: '/api/programmes/{programmeId}/verification-draws/{drawId}',
    method: 'GET',
    url: (unit) => `${P}/verification-draws/${drawOn[unit]}`,
    roles: ALL_READERS,
    scoped: true,
  },
  {
    name: 'apply the non-drawn rule',
    path: '/api/programmes/{programmeId}/verification-draws/{drawId}/apply',
    method: 'POST',
    url: (unit) => `${P}/verification-draws/${drawOn[unit]}/apply`,
    roles: ['validator', 'designer'],
    scoped: true,
  },
  {
    name: 'read data values',
    path: '/api/programmes/{programmeId}/data-values',
    method: 'GET',
    url: (unit) => `${P}/data-values?orgUnitId=${unit}&period=202401`,
    roles: ALL_READERS,
    scoped: true,
  },
  {
    name: 'declare a value',
    path: '/api/programmes/{programmeId}/data-values/{orgUnitId}/{period}/{activity}/{state}',
    method: 'PUT',
    url: (unit) => `${P}/data-values/${unit}/202402/consultation/declared`,
    body: () => ({ value: 10 }),
    roles: ['clerk'],
    scoped: true,
  },
  {
    name: 'import values',
    path: '/api/programmes/{programmeId}/data-values/import',
    method: 'POST',
    url: () => `${P}/data-values/import?dryRun=true`,
    body: (unit) => [{ orgUnit: unit, period: '202402', activity: 'consultation', state: 'declared', value: 1 }],
    roles: ['clerk', 'verifier', 'validator'],
    scoped: false,
  },
  {
    name: 'workflow statuses',
    path: '/api/programmes/{programmeId}/workflow',
    method: 'GET',
    url: (unit) => `${P}/workflow?period=202401&root=${unit}`,
    roles: ALL_READERS,
    scoped: true,
  },
  ...(['declare', 'verify', 'validate', 'return-declaration', 'return-verification', 'unlock'] as const).map(
    (step): RouteCase => ({
      name: `workflow step ${step}`,
      path: `/api/programmes/{programmeId}/workflow/{orgUnitId}/{period}/{package}/${step}`,
      method: 'POST',
      url: (unit) => `${P}/workflow/${unit}/202403/quantity/${step}`,
      body: () => ({ reason: 'matrix' }),
      roles: step === 'declare' ? ['clerk'] : step === 'verify' || step === 'return-declaration' ? ['verifier'] : ['validator'],
      scoped: true,
    }),
  ),
  ...invoiceAndPaymentRoutes(),
  ...dashboardRoutes(),
  {
    name: 'dry run of draft rules',
    path: '/api/programmes/{programmeId}/dry-run',
    method: 'POST',
    url: () => `${P}/dry-run`,
    body: (unit) => ({ orgUnitId: unit, period: '202401', definition: PROGRAMME_DEFINITION }),
    roles: ['designer', 'admin'],
    scoped: true,
  },
];

/** Dashboards: read-only aggregates of a subtree (`root`) and a range of months. */
function dashboardRoutes(): RouteCase[] {
  const range = 'from=202401&to=202412';
  const dashboard = (path: string, query: string): RouteCase => ({
    name: `dashboard ${path}`,
    path: `/api/programmes/{programmeId}/dashboards/${path}`,
    method: 'GET',
    url: (unit) => `${P}/dashboards/${path}?root=${unit}&${query}`,
    roles: ALL_READERS,
    scoped: true,
  });
  return [
    { ...dashboard('periods', ''), url: () => `${P}/dashboards/periods`, scoped: false },
    ...['quantity', 'quantity-by-unit', 'quality', 'quality-vs-quantity', 'payments', 'payment-delays', 'reporting'].map((path) => dashboard(path, range)),
    dashboard('rankings', `${range}&by=discrepancy`),
    dashboard('budget-burn', 'year=2024'),
  ];
}

/** Invoices, funders and payments; records made in beforeAll, one per unit (see `made`). */
function invoiceAndPaymentRoutes(): RouteCase[] {
  const readers = (name: string, path: string, url: (unit: string) => string): RouteCase => ({
    name,
    path: `/api/programmes/{programmeId}/${path}`,
    method: 'GET',
    url,
    roles: ALL_READERS,
    scoped: true,
  });
  const designers: readonly Role[] = ['designer', 'admin'];
  return [
    {
      name: 'run invoices',
      path: '/api/programmes/{programmeId}/invoice-runs',
      method: 'POST',
      url: () => `${P}/invoice-runs`,
      body: (unit) => ({ orgUnitId: unit, period: '202402' }),
      roles: ['validator'],
      scoped: true,
    },
    readers('list runs', 'invoice-runs', (unit) => `${P}/invoice-runs?orgUnitId=${unit}`),
    readers('show a run', 'invoice-runs/{runId}', (unit) => `${P}/invoice-runs/${made.run[unit]}`),
    readers('show a job', 'jobs/{jobId}', (unit) => `${P}/jobs/${made.job[unit]}`),
    // The list keeps to the reader's subtrees: it refuses no reader.
    { name: 'list jobs', path: '/api/programmes/{programmeId}/jobs', method: 'GET', url: () => `${P}/jobs`, roles: ALL_READERS, scoped: false },
    readers('list invoices', 'invoices', (unit) => `${P}/invoices?orgUnitId=${unit}`),
    readers('show an invoice', 'invoices/{invoiceId}', (unit) => `${P}/invoices/${made.invoice[unit]}`),
    readers('explain an invoice', 'invoices/{invoiceId}/provenance', (unit) => `${P}/invoices/${made.invoice[unit]}/provenance`),
    // No line on the matrix's invoices: an allowed reader gets 404, a refused one 403 first.
    readers('explain an adjustment', 'invoices/{invoiceId}/adjustments/{adjustmentId}/provenance', (unit) => `${P}/invoices/${made.invoice[unit]}/adjustments/1/provenance`),
    {
      // The matrix's invoices are ordered: an allowed correction is recorded (a new record each time).
      name: 'record a correction',
      path: '/api/programmes/{programmeId}/corrections',
      method: 'POST',
      url: () => `${P}/corrections`,
      body: (unit) => ({ orgUnitId: unit, period: '202401', package: 'quantity', values: [{ activity: 'consultation', state: 'verified', value: 11 }], reason: 'matrix' }),
      roles: ['validator'],
      scoped: true,
    },
    readers('list corrections', 'corrections', (unit) => `${P}/corrections?orgUnitId=${unit}`),
    {
      name: 'preview funders’ parts of invoices',
      path: '/api/programmes/{programmeId}/invoices/funders-parts',
      method: 'POST',
      url: () => `${P}/invoices/funders-parts`,
      body: (unit) => ({ invoiceIds: [made.invoice[unit]] }),
      roles: ALL_READERS,
      scoped: true,
    },
    {
      name: 'approve invoices',
      path: '/api/programmes/{programmeId}/invoices/approve',
      method: 'POST',
      url: () => `${P}/invoices/approve`,
      body: (unit) => ({ invoiceIds: [made.invoice[unit]] }),
      roles: ['validator'],
      scoped: true,
    },
    {
      // After the approval: an allowed rejection answers 409, the invoice being approved.
      name: 'reject an invoice',
      path: '/api/programmes/{programmeId}/invoices/{invoiceId}/reject',
      method: 'POST',
      url: (unit) => `${P}/invoices/${made.invoice[unit]}/reject`,
      body: () => ({ reason: 'matrix' }),
      roles: ['validator'],
      scoped: true,
    },
    { ...readers('list funders', 'funders', () => `${P}/funders`), scoped: false },
    {
      name: 'create a funder',
      path: '/api/programmes/{programmeId}/funders',
      method: 'POST',
      url: () => `${P}/funders`,
      body: () => ({ id: 'eu', name: 'European Union' }),
      roles: designers,
      scoped: false,
      national: true,
    },
    {
      name: 'rename a funder',
      path: '/api/programmes/{programmeId}/funders/{funderId}',
      method: 'PATCH',
      url: () => `${P}/funders/gov`,
      body: () => ({ name: 'Government of Burundi' }),
      roles: designers,
      scoped: false,
      national: true,
    },
    { ...readers('list shares', 'funder-shares', () => `${P}/funder-shares`), scoped: false },
    {
      name: 'add a share',
      path: '/api/programmes/{programmeId}/funder-shares',
      method: 'POST',
      url: () => `${P}/funder-shares`,
      body: (unit) => ({ funderId: 'gov', orgUnitId: unit, share: '0.5', validFrom: '204001' }),
      roles: designers,
      scoped: false,
      national: true,
    },
    {
      name: 'end a share',
      path: '/api/programmes/{programmeId}/funder-shares/{shareId}',
      method: 'PATCH',
      url: (unit) => `${P}/funder-shares/${made.share[unit]}`,
      body: () => ({ validTo: '203006', reason: 'matrix' }),
      roles: designers,
      scoped: false,
      national: true,
    },
    {
      name: 'delete a share',
      path: '/api/programmes/{programmeId}/funder-shares/{shareId}',
      method: 'DELETE',
      // Each case deletes its own share, so an earlier case's deletion cannot turn a 403 into a 404.
      url: (unit, user) => `${P}/funder-shares/${made.deletable[`${user}@${unit}`]}`,
      body: () => ({ reason: 'matrix' }),
      roles: designers,
      scoped: false,
      national: true,
    },
    {
      name: 'order payments',
      path: '/api/programmes/{programmeId}/payment-orders',
      method: 'POST',
      url: () => `${P}/payment-orders`,
      body: (unit) => ({ orgUnitId: unit, period: '202401' }),
      roles: ['payer'],
      scoped: true,
    },
    readers('preview an order', 'payment-orders/preview', (unit) => `${P}/payment-orders/preview?orgUnitId=${unit}&period=202401`),
    readers('list orders', 'payment-orders', (unit) => `${P}/payment-orders?orgUnitId=${unit}`),
    readers('show an order', 'payment-orders/{orderId}', (unit) => `${P}/payment-orders/${made.order[unit]}`),
    {
      name: 'record payments',
      path: '/api/programmes/{programmeId}/payments',
      method: 'POST',
      url: () => `${P}/payments`,
      body: (unit) => ({
        payments: [{ orderId: made.order[unit], invoiceId: made.invoice[unit], paidOn: '2024-03-01', amount: 1, reference: 'matrix' }],
      }),
      roles: ['payer'],
      scoped: true,
    },
    {
      // After a payment: an allowed cancellation answers 409, what was paid staying paid.
      name: 'cancel an order',
      path: '/api/programmes/{programmeId}/payment-orders/{orderId}/cancel',
      method: 'POST',
      url: (unit) => `${P}/payment-orders/${made.order[unit]}/cancel`,
      body: () => ({ reason: 'matrix' }),
      roles: ['payer'],
      scoped: true,
    },
    readers('list payments', 'payments', (unit) => `${P}/payments?orgUnitId=${unit}`),
    readers('payment delays', 'payment-delays', (unit) => `${P}/payment-delays?orgUnitId=${unit}`),
    readers('arrears', 'arrears', (unit) => `${P}/arrears?orgUnitId=${unit}`),
  ];
}

/** Records the record-level routes act on, per unit: a run, its job and its invoice, an order, a share. */
const made = {
  run: {} as Record<string, number>,
  job: {} as Record<string, number>,
  invoice: {} as Record<string, number>,
  order: {} as Record<string, number>,
  share: {} as Record<string, number>,
  deletable: {} as Record<string, number>,
};

/** Where a matrix user holds its role: the root (national), a province, a district; or the platform. */
const SCOPES = { bi: 'national', p1: 'province', d1: 'district' } as const;
type ScopeUnit = keyof typeof SCOPES;

interface MatrixUser {
  readonly name: string;
  readonly role: Role;
  /** Null for the platform administrator, who holds no grant. */
  readonly scope: ScopeUnit | null;
}

const USERS: readonly MatrixUser[] = [
  ...ROLES.flatMap((role) => (Object.keys(SCOPES) as ScopeUnit[]).map((scope) => ({ name: `${role}_${SCOPES[scope]}`, role, scope }))),
  { name: 'platform_admin', role: 'admin', scope: null },
];

/** An invoice for cds_1 and one for cds_3, approved, ordered; and shares on each unit, one per matrix user to delete. */
async function makeRecords(api: TestApi): Promise<void> {
  const at = (userId: number, role: Role) => actorWith(userId, role, 'bi', '/bi/');
  const runner = at(await addUser(api.database, 'runner', 'validator', 'bi'), 'validator');
  const approver = at(await addUser(api.database, 'approver', 'validator', 'bi'), 'validator');
  const bank = at(await addUser(api.database, 'bank', 'payer', 'bi'), 'payer');
  const designer = at(api.users.designer, 'designer');
  const db = api.database.db;
  await db.transaction(async (tx) => {
    await createFunder(tx, designer, { programmeId: PROGRAMME, id: 'gov', name: 'Government' });
    await addFunderShare(tx, designer, { programmeId: PROGRAMME, funderId: 'gov', orgUnitId: 'bi', share: '1', validFrom: '202401' });
  });
  for (const unit of [IN_SCOPE, OUT_OF_SCOPE]) {
    await enterValues(db, quantityRows(unit, '202401', { consultation: 10, delivery: 2 }));
    await setStatus(db, [unit], '202401', 'validated');
    const { run } = await runInvoices(db, runner, { programmeId: PROGRAMME, orgUnitId: unit, period: '202401' });
    made.run[unit] = run.id;
    made.job[unit] = (await insertJob(db, { programmeId: PROGRAMME, kind: 'invoice-run', orgUnitId: unit, scope: { orgUnitId: unit, period: '202401' }, createdBy: runner.userId })).id;
    const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.runId, run.id));
    made.invoice[unit] = invoice!.id;
    await db.transaction(async (tx) => {
      await approveInvoices(tx, approver, { programmeId: PROGRAMME, invoiceIds: [invoice!.id] });
      const { orders } = await orderPayments(tx, bank, { programmeId: PROGRAMME, orgUnitId: unit, period: '202401' });
      made.order[unit] = orders[0]!.id;
      const share = await addFunderShare(tx, designer, { programmeId: PROGRAMME, funderId: 'gov', orgUnitId: unit, share: '1', validFrom: '203001', validTo: '203012' });
      made.share[unit] = share.id;
      // Each case deletes its own share, so an earlier case's deletion cannot turn a 403 into a 404.
      for (const [i, user] of USERS.entries()) {
        const year = 2031 + i;
        const own = await addFunderShare(tx, designer, { programmeId: PROGRAMME, funderId: 'gov', orgUnitId: unit, share: '1', validFrom: `${year}01`, validTo: `${year}12` });
        made.deletable[`${user.name}@${unit}`] = own.id;
      }
    });
  }
}

/** Draws made before the matrix runs, one per unit, for the routes that show or apply one. */
const drawOn: Record<string, number> = {};

/** Routes open to everyone, or that end a session: outside the matrix (auth.test.ts covers them). */
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/public/programmes/{programmeId}/results']);

const IN_SCOPE = 'cds_1';
const OUT_OF_SCOPE = 'cds_3';

/**
 * The expected answer, from the route's table entry alone: a platform administrator acts as
 * a national admin; a national action needs the role at the root; a scoped one, a role on a
 * subtree holding the unit (cds_1 is under bi, p1 and d1; cds_3 only under bi).
 */
function expectedAllowed(route: RouteCase, user: MatrixUser, unit: string): boolean {
  if (route.roles === 'any') return true;
  if (route.roles === 'platform') return user.scope === null;
  if (!route.roles.includes(user.role)) return false;
  if (user.scope === null || user.scope === 'bi') return true;
  if (route.national) return false;
  return !route.scoped || unit === IN_SCOPE;
}

/** The same path spelled as a hostile client might, hoping a check reads it differently from the router. */
function hostileSpellings(url: string): string[] {
  const [path, query] = url.split('?');
  const rejoin = (spelled: string) => (query === undefined ? spelled : `${spelled}?${query}`);
  return [
    rejoin(path!.replace('/api/', '/%61pi/')),
    rejoin(path!.replace('/api/', '/api//')),
    rejoin(path!.replace('/api/', '//api/')),
    rejoin(path!.replace(/\/([^/]+)$/, '/$1/')),
    rejoin(`${path}.`),
    rejoin(path!.replace(/\/([a-z])/g, (_, letter: string) => `/%${letter.charCodeAt(0).toString(16)}`)),
  ];
}

describe.each(backends)('access matrix (%s)', (kind) => {
  let api: TestApi;
  const sessions = {} as Record<string, Session>;
  beforeAll(async () => {
    api = await testApi(kind);
    for (const user of USERS) {
      if (user.scope) await addUser(api.database, user.name, user.role, user.scope);
      else await addPlatformAdmin(api.database, user.name);
      sessions[user.name] = await login(api.app, user.name);
    }
    const admin = { userId: api.users.admin, username: 'admin', name: '', locale: 'en', grants: [], platformAdmin: false };
    for (const unit of [IN_SCOPE, OUT_OF_SCOPE]) {
      const { draw } = await api.database.db.transaction((tx) =>
        createVerificationDraw(tx, admin, { programmeId: PROGRAMME, rootOrgUnitId: unit, period: '202406' }),
      );
      drawOn[unit] = draw.id;
    }
    await makeRecords(api);
  });
  afterAll(() => api.close());

  const cases = ROUTES.flatMap((route) => USERS.flatMap((user) => [IN_SCOPE, OUT_OF_SCOPE].map((unit) => ({ route, user, unit }))));
  it.each(cases.map((c) => [`${c.route.name} as ${c.user.name} on ${c.unit}`, c] as const))('%s', async (_label, { route, user, unit }) => {
    const response = await call(api.app, sessions[user.name]!, route.method, route.url(unit, user.name), route.body?.(unit));
    expect(response.statusCode, response.body).toBeLessThan(500);
    if (expectedAllowed(route, user, unit)) {
      expect([401, 403], response.body).not.toContain(response.statusCode);
    } else {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('covers every route of the API', async () => {
    const documented = (await call(api.app, null, 'GET', '/api/docs/json')).json() as { paths: Record<string, object> };
    const routes = Object.entries(documented.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(ROUTES.map((route) => `${route.method} ${route.path}`));
    expect(routes.filter((route) => !covered.has(route) && !PUBLIC.has(route))).toEqual([]);
  });

  it('refuses every route without a session', async () => {
    for (const route of ROUTES) {
      const response = await call(api.app, null, route.method, route.url(IN_SCOPE, 'platform_admin'), route.body?.(IN_SCOPE));
      expect(response.statusCode, route.name).toBe(401);
    }
  });

  it('lets no hostile spelling of a path past the checks', async () => {
    for (const route of ROUTES) {
      const denied = USERS.find((user) => !expectedAllowed(route, user, OUT_OF_SCOPE));
      const allowed = USERS.find((user) => expectedAllowed(route, user, IN_SCOPE))!;
      for (const url of hostileSpellings(route.url(OUT_OF_SCOPE, denied?.name ?? allowed.name))) {
        const body = route.body?.(OUT_OF_SCOPE);
        const label = `${route.method} ${url}`;
        const anonymous = await call(api.app, null, route.method, url, body);
        expect([401, 404], `${label} without a session: ${anonymous.body}`).toContain(anonymous.statusCode);
        if (denied) {
          const response = await call(api.app, sessions[denied.name]!, route.method, url, body);
          expect([400, 403, 404], `${label} as ${denied.name}: ${response.body}`).toContain(response.statusCode);
        }
        if (route.method !== 'GET') {
          const session = sessions[allowed.name]!;
          const noToken = await api.app.inject({ method: route.method, url, headers: { cookie: session.cookie }, ...(body === undefined ? {} : { payload: body as object }) });
          expect([403, 404], `${label} as ${allowed.name} without the CSRF token: ${noToken.body}`).toContain(noToken.statusCode);
        }
      }
    }
  });
});

async function addPlatformAdmin(database: TestApi['database'], username: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await createUser(tx, null, { username, name: 'Platform administrator', password: PASSWORD });
    await tx.update(users).set({ platformAdmin: true }).where(eq(users.username, username));
  });
}
