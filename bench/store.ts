/**
 * `npm run bench` (last): one national month of the demo, scaled to 20,000 facilities,
 * invoiced on PostgreSQL, against the time PostgreSQL's COPY takes to move the same rows:
 * the entered values the run reads, out; the inputs snapshot, values and invoices it
 * writes, in. Prints JSON lines {"name", "value", "unit"}; measures, never asserts.
 * Needs DATABASE_URL (the figure is about PostgreSQL); without it, says so and stops.
 */
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { actorOf } from '../src/domain/auth/sessions.ts';
import { runInvoices } from '../src/domain/invoices/runInvoices.ts';
import { demoCalendar } from '../src/demo/calendar.ts';
import { COUNTRY } from '../src/demo/geography.ts';
import { HEALTH_CENTRES, HOSPITALS } from '../src/demo/generate.ts';
import { ensureDemo } from '../src/demo/ensureDemo.ts';
import { DEMO_PROGRAMME } from '../src/demo/programme.ts';
import { users } from '../src/store/schema.ts';
import { eq, sql } from 'drizzle-orm';
import { testDatabase } from '../test/support/database.ts';

const FACILITIES = Number(process.env.BENCH_STORE_FACILITIES ?? 20_000);
// The demo's first month, validated and not invoiced: the demo is loaded without its history.
const PERIOD = demoCalendar(new Date(), 3).months[0]!;

function emit(name: string, value: number, unit: string) {
  console.log(JSON.stringify({ name, value: Number(value.toPrecision(4)), unit }));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

if (!process.env.DATABASE_URL) {
  console.error('store: DATABASE_URL is not set; the invoice-run figures are measured on PostgreSQL only');
  process.exit(0);
}

const database = await testDatabase('postgres');
const url = new URL(process.env.DATABASE_URL);
try {
  const load = await timed(() => ensureDemo(database, { scale: FACILITIES / (HEALTH_CENTRES + HOSPITALS), months: 3, history: false }));
  const [validator] = await database.db.select().from(users).where(eq(users.username, 'validator'));
  const actor = await actorOf(database.db, validator!);
  await checkpoint((text) => database.db.execute(sql.raw(text)));
  const run = await timed(() => runInvoices(database.db, actor, { programmeId: DEMO_PROGRAMME.id, orgUnitId: COUNTRY, period: PERIOD }));
  const runId = run.value.run.id;
  const copy = await copyFigures(runId);
  emit('store.demo_load_seconds', load.seconds, 's');
  emit('store.invoice_run_facilities', run.value.run.invoiceCount, 'count');
  emit('store.invoice_run_seconds', run.seconds, 's');
  emit('store.copy_seconds', copy.seconds, 's');
  emit('store.copy_rows', copy.rows, 'count');
  emit('store.invoice_run_vs_copy', run.seconds / copy.seconds, 'ratio');
} finally {
  await database.close();
}

/**
 * COPY of the run's rows: the entered values it read (out), then its inputs snapshot,
 * computed values and invoices (in, into empty copies of their tables). The rows to copy
 * in are read beforehand, outside the timing.
 */
async function copyFigures(runId: number): Promise<{ seconds: number; rows: number }> {
  const client = new pg.Client({ connectionString: (await databaseUrl()).toString() });
  await client.connect();
  try {
    const written = {
      invoice_run_inputs: await copyOut(client, `select * from invoice_run_inputs where run_id = ${runId}`),
      invoice_run_values: await copyOut(client, `select * from invoice_run_values where run_id = ${runId}`),
      invoices: await copyOut(client, `select * from invoices where run_id = ${runId}`),
    };
    // Empty copies with the same indexes and constraints: COPY pays for them as the run does.
    for (const table of Object.keys(written)) await client.query(`create temp table copy_${table} (like ${table} including all)`);
    await checkpoint((text) => client.query(text));
    const start = performance.now();
    const read = await copyOut(
      client,
      `select org_unit_id, period, activity, state, value from data_values where programme_id = '${DEMO_PROGRAMME.id}' and period = '${PERIOD}'`,
    );
    for (const [table, data] of Object.entries(written)) {
      await pipeline(Readable.from([data.bytes]), client.query(copyFrom(`copy copy_${table} from stdin`)));
    }
    const seconds = (performance.now() - start) / 1000;
    return { seconds, rows: read.rows + Object.values(written).reduce((sum, data) => sum + data.rows, 0) };
  } finally {
    await client.end();
  }
}

/**
 * Both timings start from a checkpoint, so neither pays for flushing what came before. It
 * needs a superuser (or pg_checkpoint); without one the figures are taken without it.
 */
async function checkpoint(run: (text: string) => Promise<unknown>): Promise<void> {
  try {
    await run('checkpoint');
  } catch (error) {
    console.error(`store: no checkpoint before timing (${(error as Error).message})`);
  }
}

async function copyOut(client: pg.Client, select: string): Promise<{ bytes: Buffer; rows: number }> {
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(`copy (${select}) to stdout`)),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  const bytes = Buffer.concat(chunks);
  let rows = 0;
  for (const byte of bytes) if (byte === 10) rows++;
  return { bytes, rows };
}

/** The throwaway database's own address (testDatabase names it; the pool knows it). */
async function databaseUrl(): Promise<URL> {
  const result = await database.db.execute<{ name: string }>(sql`select current_database() as name`);
  const target = new URL(url);
  target.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
  return target;
}
