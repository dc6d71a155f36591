import { asc, count, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, testDatabase } from '../../test/support/database.ts';
import { createProgramme, versionFor } from '../domain/programmes.ts';
import { actorOf } from '../domain/auth/sessions.ts';
import { explainInvoice } from '../domain/invoices/explainInvoice.ts';
import { arrears } from '../domain/payments/arrears.ts';
import { createUser } from '../domain/users.ts';
import { queryRows } from '../store/sql.ts';
import type { Database } from '../store/database.ts';
import { auditLog, budgets, contracts, dataValues, funderShares, funders, invoiceRuns, invoices, orgUnits, periodStatus, programmes, userRoles, users } from '../store/schema.ts';
import { ensureDemo, type DemoState } from './ensureDemo.ts';
import { demoDataValues, generateDemo } from './generate.ts';
import { DEMO_LOGINS } from './logins.ts';
import { DEMO_PROGRAMME } from './programme.ts';

// Opening a database and loading a demo with its history can outlast vitest’s 10 s hook limit by far on a busy machine.
const HOOK_TIMEOUT = 180_000;

// Loaded on 10 February 2025: August 2024 to January 2025, the fourth quarter of 2024 whole.
const TODAY = '2025-02-10';
const SMALL = { seed: 11, scale: 0.04, months: 6, today: new Date(`${TODAY}T09:00:00Z`) };
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
    expect(state.loaded).toMatchObject({ orgUnits: demo.geography.orgUnits.length, users: DEMO_LOGINS.length, dataValues: generated.length });
    // Five months and one quarter invoiced: August to December, 2024Q4.
    expect(state.loaded!.history.runs).toBe(6);
  });

  it('stores the tree, contracts, funders, shares, budgets and locked periods', async () => {
    const facilities = demo.geography.facilities.length;
    expect(await countOf(orgUnits)).toBe(1 + 18 + 45 + facilities);
    expect(await countOf(contracts)).toBe(facilities);
    expect(await countOf(funders)).toBe(3);
    expect(await countOf(funderShares)).toBe(demo.funderShares.length);
    expect(await countOf(budgets)).toBe(demo.budgets.length);
    const centres = demo.geography.facilities.filter((f) => f.type === 'cds').length;
    // Six months each, one quarter's checklist each, one community survey per health centre.
    expect(await countOf(periodStatus)).toBe(facilities * (6 + 1) + centres);
    const [budget] = await database.db.select().from(budgets).where(eq(budgets.orgUnitId, demo.budgets[0]!.orgUnitId)).limit(1);
    expect(budget!.amount).toMatch(/^\d+\.00$/);
    const [contract] = await database.db.select().from(contracts).where(eq(contracts.orgUnitId, demo.contracts[0]!.orgUnitId));
    expect(contract).toMatchObject({ ...demo.contracts[0], startPeriod: '202408', endPeriod: null });
  });

  it('leaves last month in progress and every older month invoiced, approved, ordered or paid', async () => {
    const statuses = await queryRows<{ period: string; status: string }>(
      database.db,
      sql`select distinct period, status::text from period_status where programme_id = ${PROGRAMME} order by 1, 2`,
    );
    const at = (period: string) => statuses.filter((row) => row.period === period).map((row) => row.status);
    expect(new Set(at('202501'))).toEqual(new Set(['open', 'declared', 'verified', 'validated']));
    for (const month of ['202408', '202409', '202410', '202411', '202412']) {
      expect(at(month).every((status) => ['approved', 'ordered', 'paid'].includes(status))).toBe(true);
    }
    expect(at('202408')).toContain('paid');
  });

  it('has a consistent history: prepared by one person, approved by another, ordered per funder, paid within the order', async () => {
    const ids = new Map((await database.db.select().from(users)).map((user) => [user.username, user.id]));
    const runs = await database.db.select().from(invoiceRuns).orderBy(asc(invoiceRuns.period));
    expect(runs.map((run) => run.period).sort()).toEqual(['202408', '202409', '202410', '202411', '202412', '2024Q4']);
    expect(new Set(runs.map((run) => run.startedBy))).toEqual(new Set([ids.get('validator')]));
    const current = await database.db.select().from(invoices).where(ne(invoices.status, 'prepared'));
    expect(current.length).toBe(demo.geography.facilities.length * 5 + demo.geography.facilities.length);
    for (const invoice of current) {
      expect(invoice.preparedBy).toBe(ids.get('validator'));
      expect(invoice.approvedBy).toBe(ids.get('validator2'));
    }
    // Every payment pays a live line of an order, for an invoice that was approved, then ordered.
    const [orphans] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from payments p
          left join payment_order_lines l on l.programme_id = p.programme_id and l.order_id = p.order_id and l.invoice_id = p.invoice_id and not l.cancelled
          left join invoices i on i.programme_id = p.programme_id and i.id = p.invoice_id and i.approved_by is not null and i.status in ('ordered', 'paid')
          where p.programme_id = ${PROGRAMME} and (l.invoice_id is null or i.id is null)`,
    );
    expect(orphans!.n).toBe(0);
    // An invoice is paid exactly when every funder's line is paid in full; never overpaid.
    const lines = await queryRows<{ status: string; amount: string; paid: string }>(
      database.db,
      sql`select i.status::text, l.amount::text, coalesce((select sum(p.amount) from payments p where p.order_id = l.order_id and p.invoice_id = l.invoice_id), 0)::text as paid
          from payment_order_lines l join invoices i on i.programme_id = l.programme_id and i.id = l.invoice_id where l.programme_id = ${PROGRAMME}`,
    );
    for (const line of lines) expect(Number(line.paid)).toBeLessThanOrEqual(Number(line.amount));
    const paidInvoiceLines = lines.filter((line) => line.status === 'paid');
    expect(paidInvoiceLines.length).toBeGreaterThan(0);
    for (const line of paidInvoiceLines) expect(line.paid).toBe(line.amount);
    const partial = lines.filter((line) => Number(line.paid) > 0 && Number(line.paid) < Number(line.amount));
    expect(partial.length).toBeGreaterThan(0);
    const [orders] = await queryRows<{ n: number; funders: number; periods: number }>(
      database.db,
      sql`select count(*)::int as n, count(distinct funder_id)::int as funders, count(distinct period)::int as periods from payment_orders`,
    );
    expect(orders).toEqual({ n: 3 * 6, funders: 3, periods: 6 });
    // Dated as it happened: run, then approval, then order, then payments — none after the load's day.
    const [misdated] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from payments p
          join payment_orders o on o.programme_id = p.programme_id and o.id = p.order_id
          join invoices i on i.programme_id = p.programme_id and i.id = p.invoice_id
          join invoice_runs r on r.programme_id = i.programme_id and r.id = i.run_id
          where p.programme_id = ${PROGRAMME} and not (r.started_at < i.approved_at and i.approved_at < o.created_at and o.created_at::date <= p.paid_on)`,
    );
    expect(misdated!.n).toBe(0);
  });

  it('leaves arrears where a funder paid part of a line or has not paid yet, and pays nothing after today', async () => {
    const units = demo.geography.orgUnits.map((unit) => unit.id);
    const owed = await arrears(database.db, { programmeId: PROGRAMME, units, asOf: TODAY, limit: 100, offset: 0 });
    expect(owed.total).toBeGreaterThan(0);
    expect(owed.items.some((item) => item.period === '202408')).toBe(true);
    const [latest] = await queryRows<{ last: string }>(database.db, sql`select max(paid_on)::text as last from payments`);
    expect(latest!.last <= TODAY).toBe(true);
  });

  it('recomputes a sample of the invoices identically from their runs’ stored inputs', async () => {
    const [auditor] = await database.db.select().from(users).where(eq(users.username, 'auditor'));
    const actor = await actorOf(database.db, auditor!);
    // The first invoice of each period and payment: the monthly ones and both quality bonuses.
    const sample = await queryRows<{ id: number; period: string; payment: string }>(
      database.db,
      sql`select distinct on (period, payment) id, period, payment from invoices where programme_id = ${PROGRAMME} order by period, payment, id`,
    );
    expect(sample.filter((invoice) => invoice.period === '2024Q4').map((invoice) => invoice.payment)).toEqual(['cds_quality_bonus', 'hd_quality_bonus']);
    for (const invoice of sample) {
      const explained = await explainInvoice(database.db, actor, { programmeId: PROGRAMME, invoiceId: invoice.id });
      expect(explained).toMatchObject({ identical: true, storedValue: explained.recomputedValue });
    }
  });

  it('saves the YAML programme as version 1, checked by the engine, by the designer', async () => {
    const version = await versionFor(database.db, PROGRAMME, '202501');
    expect(version.version).toBe(1);
    expect(version.effectiveFrom).toBe('202408');
    expect(version.program.packages.map((p) => p.code)).toEqual(['pma', 'pca', 'quality_cds', 'quality_hd', 'community_cds']);
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
      data_values: 6 + 1,
      funder: 3,
      funder_share: demo.funderShares.length,
      period_status: 1,
    });
    const [values] = await database.db.select().from(auditLog).where(eq(auditLog.entityKey, `${PROGRAMME}:202408`));
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
