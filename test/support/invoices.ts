import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../../src/domain/actor.ts';
import { createUser, grantRole } from '../../src/domain/users.ts';
import type { Database, Db } from '../../src/store/database.ts';
import type { Role } from '../../src/contract/roles.ts';
import { dataValues, periodStatus } from '../../src/store/schema.ts';
import { queryRows } from '../../src/store/sql.ts';
import { PASSWORD, PROGRAMME } from './api.ts';

/** An actor with one role on one subtree of the test programme, for calling use cases directly. */
export function actorWith(userId: number, role: Role, orgUnitId = 'p1', path = '/bi/p1/'): Actor {
  return { userId, username: role, name: `The ${role}`, locale: 'en', grants: [{ programmeId: PROGRAMME, role, orgUnitId, path }], platformAdmin: false };
}

export interface Counts {
  readonly consultation: number;
  readonly delivery: number;
}

/**
 * Entered values of the test programme's quantity package for one facility and month: the
 * same numbers declared, verified and validated unless `declared` says otherwise.
 */
export function quantityRows(orgUnitId: string, period: string, verified: Counts, declared: Counts = verified) {
  return (['consultation', 'delivery'] as const).flatMap((activity) => [
    { programmeId: PROGRAMME, orgUnitId, period, activity, state: 'declared', value: String(declared[activity]) },
    { programmeId: PROGRAMME, orgUnitId, period, activity, state: 'verified', value: String(verified[activity]) },
    { programmeId: PROGRAMME, orgUnitId, period, activity, state: 'validated', value: String(verified[activity]) },
  ]);
}

const BATCH = 2000;

/** Writes entered values, replacing any for the same key, in batches. */
export async function enterValues(db: Db, rows: readonly (typeof dataValues.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insert(dataValues)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: [dataValues.programmeId, dataValues.orgUnitId, dataValues.period, dataValues.activity, dataValues.state],
        set: { value: sql`excluded.value`, version: sql`${dataValues.version} + 1` },
      });
  }
}

type Status = (typeof periodStatus.$inferInsert)['status'];

/** Sets the quantity package's workflow status of facilities for a month. */
export async function setStatus(db: Db, orgUnitIds: readonly string[], period: string, status: Status, pkg = 'quantity'): Promise<void> {
  const rows = orgUnitIds.map((orgUnitId) => ({ programmeId: PROGRAMME, orgUnitId, period, package: pkg, status }));
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insert(periodStatus)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoUpdate({
        target: [periodStatus.programmeId, periodStatus.orgUnitId, periodStatus.period, periodStatus.package],
        set: { status: sql`excluded.status`, version: sql`${periodStatus.version} + 1` },
      });
  }
}

/** Adds a user holding one role on one subtree of the test programme; returns their id. */
export async function addUser(database: Database, username: string, role: Role, orgUnitId: string): Promise<number> {
  return database.db.transaction(async (tx) => {
    const id = await createUser(tx, null, { username, name: `The ${username}`, password: PASSWORD });
    await grantRole(tx, null, { userId: id, programmeId: PROGRAMME, role, orgUnitId });
    return id;
  });
}

const COUNTED = ['invoice_runs', 'invoice_run_inputs', 'invoice_run_values', 'invoices', 'funders', 'funder_shares', 'payment_orders', 'payment_order_lines', 'payments', 'audit_log'];

/**
 * Row counts of every table invoices and payments touch, and the sum of workflow-status
 * versions: equal snapshots before and after a request mean it wrote nothing.
 */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    counts[table] = row!.n;
  }
  const [versions] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(version), 0)::int as n from period_status`);
  counts.period_status_versions = versions!.n;
  return counts;
}

/** The workflow status of a facility's package period. */
export async function statusOf(db: Db, orgUnitId: string, period: string, pkg = 'quantity'): Promise<string | undefined> {
  const [row] = await queryRows<{ status: string }>(
    db,
    sql`select status from period_status where programme_id = ${PROGRAMME} and org_unit_id = ${orgUnitId} and period = ${period} and package = ${pkg}`,
  );
  return row?.status;
}

/**
 * A throwaway database beside DATABASE_URL's, by URL, for tests that open it from another
 * process too; `drop()` removes it.
 */
export async function throwawayPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL!;
  const name = `openpbf_fault_${randomBytes(6).toString('hex')}`;
  const adminQuery = async (text: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** What an invoice run writes, counted: all zero after a run that was cut short. */
export async function runCounts(database: Database): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from invoice_runs) as runs, (select count(*)::int from invoices) as invoices,
               (select count(*)::int from invoice_run_values) as run_values, (select count(*)::int from invoice_run_inputs) as inputs,
               (select count(*)::int from audit_log where entity = 'invoice_run') as audits,
               (select count(*)::int from period_status where status = 'invoiced') as invoiced`,
  );
  return row!;
}
