import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import { createProgramme, versionFor } from '../domain/programmes.ts';
import { createUser } from '../domain/users.ts';
import type { Database } from '../store/database.ts';
import { auditLog, budgets, contracts, dataValues, funderShares, funders, orgUnits, periodStatus, programmes, userRoles, users } from '../store/schema.ts';
import { ensureDemo, type DemoState } from './ensureDemo.ts';
import { demoDataValues, generateDemo } from './generate.ts';
import { DEMO_LOGINS } from './logins.ts';
import { DEMO_PROGRAMME } from './programme.ts';

// Opening a database and loading a demo can outlast vitest's 10 s hook limit on a busy machine.
const HOOK_TIMEOUT = 60_000;

const SMALL = { seed: 11, scale: 0.04, months: 3 };
const PROGRAMME = DEMO_PROGRAMME.id;

describe.each(backends)('loading the demo (%s)', (kind) => {
  let database: Database;
  let state: DemoState;
  const demo = generateDemo(SMALL);
  beforeAll(async () => {
    database = await testDatabase(kind);
    state = await ensureDemo(database, SMALL);
  }, HOOK_TIMEOUT);
  afterAll(() => database.close());

  const countOf = async (table: typeof orgUnits | typeof contracts | typeof budgets | typeof funderShares | typeof funders | typeof periodStatus) => {
    const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.programmeId, PROGRAMME));
    return row!.n;
  };

  it('stores exactly the generated data values, with when they were entered', async () => {
    const generated = [...demoDataValues(demo)]
      .flat()
      .map((v) => `${v.orgUnitId}|${v.period}|${v.activity}|${v.state}|${v.value}|${new Date(v.enteredAt).toISOString()}`)
      .sort();
    const stored = await database.db
      .select()
      .from(dataValues)
      .where(eq(dataValues.programmeId, PROGRAMME))
      .orderBy(asc(dataValues.orgUnitId), asc(dataValues.period), asc(dataValues.activity), asc(dataValues.state));
    const rows = stored.map((v) => `${v.orgUnitId}|${v.period}|${v.activity}|${v.state}|${Number(v.value)}|${v.updatedAt.toISOString()}`).sort();
    expect(rows).toEqual(generated);
    expect(state.loaded).toEqual({ orgUnits: demo.geography.orgUnits.length, users: DEMO_LOGINS.length, dataValues: generated.length });
  });

  it('stores the tree, contracts, funders, shares, budgets and locked periods', async () => {
    const facilities = demo.geography.facilities.length;
    expect(await countOf(orgUnits)).toBe(1 + 18 + 45 + facilities);
    expect(await countOf(contracts)).toBe(facilities);
    expect(await countOf(funders)).toBe(3);
    expect(await countOf(funderShares)).toBe(demo.funderShares.length);
    expect(await countOf(budgets)).toBe(demo.budgets.length);
    expect(await countOf(periodStatus)).toBe(facilities * (3 + 1));
    const [budget] = await database.db.select().from(budgets).where(eq(budgets.orgUnitId, demo.budgets[0]!.orgUnitId)).limit(1);
    expect(budget!.amount).toMatch(/^\d+\.00$/);
    const [contract] = await database.db.select().from(contracts).where(eq(contracts.orgUnitId, demo.contracts[0]!.orgUnitId));
    expect(contract).toMatchObject({ ...demo.contracts[0], startPeriod: '202301', endPeriod: null });
    const statuses = await database.db.selectDistinct({ status: periodStatus.status }).from(periodStatus);
    expect(statuses).toEqual([{ status: 'validated' }]);
  });

  it('saves the YAML programme as version 1, checked by the engine, by the designer', async () => {
    const version = await versionFor(database.db, PROGRAMME, '202412');
    expect(version.version).toBe(1);
    expect(version.effectiveFrom).toBe('202301');
    expect(version.program.packages.map((p) => p.code)).toEqual(['pma', 'pca', 'quality_cds', 'quality_hd']);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'programme_version'));
    const [designer] = await database.db.select().from(users).where(eq(users.username, 'designer'));
    expect(entry!.userId).toBe(designer!.id);
  });

  it('creates the demo logins with their scopes: clerk and verifier on one province', async () => {
    const grants = await database.db
      .select({ username: users.username, role: userRoles.role, orgUnitId: userRoles.orgUnitId })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .orderBy(asc(users.id));
    expect(grants).toEqual(DEMO_LOGINS.map(({ username, role, orgUnitId }) => ({ username, role, orgUnitId })));
  });

  it('audits every import with its count and reason', async () => {
    const entries = await database.db
      .select({ entity: auditLog.entity, n: count() })
      .from(auditLog)
      .where(eq(auditLog.reason, 'demo data (src/demo)'))
      .groupBy(auditLog.entity)
      .orderBy(asc(auditLog.entity));
    expect(Object.fromEntries(entries.map((e) => [e.entity, e.n]))).toEqual({
      budgets: 1,
      contracts: 1,
      data_values: 3 + 1,
      funder: 3,
      funder_share: demo.funderShares.length,
      period_status: 1,
    });
    const [values] = await database.db.select().from(auditLog).where(eq(auditLog.entityKey, `${PROGRAMME}:202301`));
    expect(values!.newValue).toEqual({ count: demo.geography.facilities.reduce((n, f) => n + (f.type === 'cds' ? 45 : 30), 0) });
  });

  it('leaves the store alone on the next start', async () => {
    expect(await ensureDemo(database, SMALL)).toEqual({ loaded: null, present: true });
    expect(await countOf(orgUnits)).toBe(1 + 18 + 45 + demo.geography.facilities.length);
  });
});

describe.each(backends)('the demo on a store that is not empty (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(kind);
  }, HOOK_TIMEOUT);
  afterAll(() => database.close());

  it('writes nothing when the load fails part-way, and loads nothing beside another programme', async () => {
    await database.db.transaction((tx) => createUser(tx, null, { username: 'clerk', name: 'Someone', password: 'another password' }));
    await expect(ensureDemo(database, SMALL)).rejects.toThrow("username: 'clerk' is taken");
    const [{ n } = { n: -1 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(programmes);
    expect(n).toBe(0);
    expect(await database.db.select().from(orgUnits)).toEqual([]);
    expect(await database.db.select().from(dataValues).limit(1)).toEqual([]);

    await database.db.transaction((tx) => createProgramme(tx, null, { id: 'national', name: 'National', currency: 'BIF', currencyDecimals: 0 }));
    expect(await ensureDemo(database, SMALL)).toEqual({ loaded: null, present: false });
    expect(await database.db.select().from(orgUnits)).toEqual([]);
  });
});
