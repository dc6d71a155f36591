import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDetails } from '../../contract/errors.ts';
import { PROGRAMME, PROGRAMME_DEFINITION, call, login, runInvoicesAndWait, testApi, type Session, type TestApi } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { addUser, enterValues, quantityRows, setStatus } from '../../../test/support/invoices.ts';
import { auditLog, invoices } from '../../store/schema.ts';

const BASE = `/api/programmes/${PROGRAMME}`;

/** The test programme with another consultation tariff. */
const repriced = (tariff: number) => ({
  ...PROGRAMME_DEFINITION,
  packages: PROGRAMME_DEFINITION.packages.map((pkg) => ({
    ...pkg,
    activities: pkg.activities.map((activity) => (activity.code === 'consultation' ? { ...activity, constants: { tariff } } : activity)),
  })),
});

/** January 2024 invoiced for cds_1 and cds_2: cds_1's invoice approved, cds_2's prepared. */
describe.each(backends)('rule versions reaching back (%s)', (kind) => {
  let api: TestApi;
  let designer: Session;
  let validator: Session;
  const current = async (unit: string) =>
    (await api.database.db.select().from(invoices).where(and(eq(invoices.orgUnitId, unit), eq(invoices.period, '202401'), isNull(invoices.supersededBy))))[0]!;
  beforeAll(async () => {
    api = await testApi(kind);
    await addUser(api.database, 'validator2', 'validator', 'p1');
    designer = await login(api.app, 'designer');
    validator = await login(api.app, 'validator');
    await enterValues(api.database.db, [...quantityRows('cds_1', '202401', { consultation: 10, delivery: 1 }), ...quantityRows('cds_2', '202401', { consultation: 20, delivery: 0 })]);
    await setStatus(api.database.db, ['cds_1', 'cds_2'], '202401', 'validated');
    expect((await runInvoicesAndWait(api.app, validator, { orgUnitId: 'd1', period: '202401' })).statusCode).toBe(201);
    const approved = await call(api.app, await login(api.app, 'validator2'), 'POST', `${BASE}/invoices/approve`, { invoiceIds: [(await current('cds_1')).id] });
    expect(approved.statusCode).toBe(200);
  });
  afterAll(() => api.close());

  const save = (body: object, query = '') => call(api.app, designer, 'POST', `${BASE}/versions${query}`, { definition: repriced(500), effectiveFrom: '202401', ...body });

  it('refuses a version effective in an invoiced period unless confirmed, naming what it would reprice', async () => {
    const refused = await save({});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'VERSION_REACHES_BACK',
      message: expect.stringContaining('1 prepared invoices would be repriced at their next run, 1 approved or paid ones stay as they are'),
      details: { periods: ['202401'], decidedStatuses: 2, repricedCount: 1, unchangedCount: 1, repriced: [{ orgUnitId: 'cds_2', period: '202401', amount: '5000.00' }] },
    });
    // The contract's schema of these details reads every field the server sends.
    expect(errorDetails.VERSION_REACHES_BACK.parse(refused.json().error.details)).toEqual(refused.json().error.details);
    const dry = await save({}, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, reach: refused.json().error.details });
    expect((await save({ confirmReachBack: true })).json().error.message).toBe('reason: say why this version reaches back to periods already validated or invoiced');
    expect((await call(api.app, designer, 'GET', `${BASE}/versions`)).json().total).toBe(1);
  });

  it('saves it confirmed with a reason, audited; the next run reprices the prepared invoice, never the approved one', async () => {
    const saved = await save({ confirmReachBack: true, reason: 'tariff corrected by the steering committee of 12 March' });
    expect(saved.statusCode).toBe(201);
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.entity, 'programme_version')).orderBy(auditLog.id).offset(1);
    expect(entry).toMatchObject({ reason: 'tariff corrected by the steering committee of 12 March', newValue: expect.objectContaining({ reachesBack: { periods: ['202401'], repriced: 1, unchanged: 1 } }) });
    const approvedBefore = await current('cds_1');
    expect((await runInvoicesAndWait(api.app, validator, { orgUnitId: 'd1', period: '202401' })).statusCode).toBe(201);
    expect((await current('cds_2')).amount).toBe('10000.00');
    expect(await current('cds_1')).toEqual(approvedBefore);
  });

  it('saves a version for periods nobody has validated without asking', async () => {
    const ahead = await save({ effectiveFrom: '202501' });
    expect(ahead.statusCode).toBe(201);
    expect(ahead.json().reach).toEqual({ periods: [], decidedStatuses: 0, repriced: [], repricedCount: 0, unchangedCount: 0 });
  });
});
