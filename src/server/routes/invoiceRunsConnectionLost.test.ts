import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrgUnits } from '../../domain/orgTree/importTree.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { PROGRAMME, TREE, call, login, buildTestApp, runInvoicesAndWait, seed, type Session } from '../../../test/support/api.ts';
import { backends } from '../../../test/support/database.ts';
import { enterValues, quantityRows, runCounts, setStatus, throwawayPostgres } from '../../../test/support/invoices.ts';
import { P } from '../../../test/support/workflow.ts';

const FACILITIES = 1000;
/** The facility whose formula values the run's COPY is held at: about halfway through. */
const HELD_AT = `cds_x${FACILITIES / 2}`;
const HOLD_LOCK = 4242;

async function prepare(database: Database): Promise<void> {
  await seed(database);
  const extra = Array.from({ length: FACILITIES }, (_, i) => ({ id: `cds_x${i}`, parent: 'd1', groups: { type: 'cds' } }));
  await database.db.transaction((tx) => importOrgUnits(tx, null, PROGRAMME, [...TREE, ...extra]));
  const units = extra.map((unit) => unit.id);
  await enterValues(database.db, units.flatMap((unit, i) => quantityRows(unit, '202401', { consultation: 10 + (i % 7), delivery: i % 3 })));
  await setStatus(database.db, units, '202401', 'validated');
}

/**
 * A trigger that makes the run's COPY of formula values wait, mid-statement, on an advisory
 * lock this test holds: the COPY is then certainly under way when its connection is cut.
 */
const HOLD_COPY = [
  `create function hold_copy() returns trigger language plpgsql as $$ begin perform pg_advisory_xact_lock(${HOLD_LOCK}); return new; end $$`,
  `create trigger hold_copy before insert on invoice_run_values for each row when (new.org_unit_id = '${HELD_AT}') execute function hold_copy()`,
];

/** The backend of a COPY waiting on the hold, once there is one. */
async function heldCopy(admin: pg.Client): Promise<number> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = current_database() and state = 'active' and query ilike 'copy %' and wait_event = 'advisory'`,
    );
    if (rows[0]) return rows[0].pid;
    await sleep(20);
  }
}

// PostgreSQL only (skipped without DATABASE_URL): PGlite runs in the process, with no connection to lose.
describe.runIf(backends.includes('postgres'))('an invoice run whose database connection is cut mid-COPY (postgres)', () => {
  let place: Awaited<ReturnType<typeof throwawayPostgres>>;
  let database: Database;
  let app: FastifyInstance;
  let admin: pg.Client;
  let validator: Session;
  beforeAll(async () => {
    place = await throwawayPostgres();
    database = await openDatabase({ url: place.url });
    await prepare(database);
    ({ app } = await buildTestApp(database));
    validator = await login(app, 'validator');
    admin = new pg.Client({ connectionString: place.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await app?.close();
    await database?.close();
    await place?.drop();
  });

  it('fails the job as DATABASE_UNAVAILABLE (503), stores nothing of the run, goes on serving, and runs the scope again afterwards', { timeout: 60_000 }, async () => {
    for (const statement of HOLD_COPY) await admin.query(statement);
    await admin.query('select pg_advisory_lock($1)', [HOLD_LOCK]);
    const running = runInvoicesAndWait(app, validator, { orgUnitId: 'p1', period: '202401' });

    const pid = await heldCopy(admin);
    await admin.query('select pg_terminate_backend($1)', [pid]);
    const answer = await running;
    await admin.query('select pg_advisory_unlock($1)', [HOLD_LOCK]);

    expect(answer.statusCode, answer.body).toBe(503);
    expect(answer.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/database/) } });
    expect(await runCounts(database)).toEqual({ runs: 0, invoices: 0, run_values: 0, inputs: 0, audits: 0, invoiced: 0 });

    expect((await call(app, null, 'GET', '/api/health')).statusCode).toBe(200);
    const read = await call(app, validator, 'GET', `${P}/data-values?orgUnitId=cds_x1&period=202401`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().values).toHaveLength(6);

    await admin.query('drop trigger hold_copy on invoice_run_values');
    const again = await runInvoicesAndWait(app, validator, { orgUnitId: 'p1', period: '202401' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().run).toMatchObject({ status: 'completed', invoiceCount: FACILITIES });
    expect(await runCounts(database)).toMatchObject({ runs: 1, invoices: FACILITIES, audits: 1, invoiced: FACILITIES });
  });
});
