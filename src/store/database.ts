import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { runImpatientThrough, runPreparedThrough } from './prepared.ts';
import * as schema from './schema.ts';

/** The one interface to storage: the same query builder and SQL on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** PostgreSQL's connection string, for work that opens connections of its own (a job's worker thread). */
  readonly url?: string;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it, embedded PGlite is used. */
  readonly url?: string;
  /** PGlite's data folder; in memory when absent. */
  readonly dataDir?: string;
}

/**
 * The hot path's prepared statements (a write, a sheet, a unit) run on connections of their
 * own that plan each one once: PostgreSQL otherwise plans them again at every call when it
 * cannot tell a generic plan is as good (a list given as an array, estimated at 100 rows),
 * which was a third of the cost of a write (docs/decisions/0009). Other queries keep plans
 * made for their parameters, on the main pool. Set by a statement, not a startup parameter,
 * which connection poolers refuse and a DATABASE_URL's own `options` would replace. The
 * connections are renewed every minute: a plan made while the tables were nearly empty does
 * not outlive a bulk import that autovacuum has not yet analysed.
 */
function openStatementPool(url: string): pg.Pool {
  // Awaited by the pool before it gives out a new connection; a connection it fails on is closed.
  return openPool(url, { maxLifetimeSeconds: 60, onConnect: (client) => client.query('set plan_cache_mode = force_generic_plan') });
}

/**
 * Connections for writes coalesced from several requests (decision 0010): a statement that
 * meets a lock gives up after 100 ms, and its writes are tried again one by one, so that one
 * write waiting for a workflow step or an import does not hold back the others.
 */
function openImpatientPool(url: string): pg.Pool {
  const settings = "set plan_cache_mode = force_generic_plan; set lock_timeout = '100ms'";
  return openPool(url, { max: 4, maxLifetimeSeconds: 60, onConnect: (client) => client.query(settings) });
}

/**
 * A pool whose lost connections are logged and never crash the process. The pool listens for
 * errors only on idle connections: a connection lost while a request holds it (a restart,
 * an administrator's pg_terminate_backend, a network cut mid-COPY) emitted an 'error' no one
 * heard, which kills a Node process. Its query fails with the loss meanwhile, the request's
 * transaction with it (answered 503, see connectionLost.ts), and the pool drops the connection
 * when it is released.
 */
function openPool(url: string, options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...options });
  pool.on('connect', (client) => client.on('error', (error) => console.error(`database: ${describeLoss(error)}`)));
  // Logged by the connection's own listener above; without one here the pool's 'error' would throw.
  pool.on('error', () => undefined);
  return pool;
}

function describeLoss(error: Error & { code?: string }): string {
  return `a connection was lost (${error.message}${error.code ? `, ${error.code}` : ''}); any query running on it failed, and the pool opens another connection when needed`;
}

/** Opens (creating or migrating as needed) the database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = openPool(options.url);
    const statementPool = openStatementPool(options.url);
    const db = drizzlePostgres(pool, { schema }) as unknown as Db;
    const impatientPool = openImpatientPool(options.url);
    runPreparedThrough(db, drizzlePostgres(statementPool, { schema }) as unknown as Db);
    runImpatientThrough(db, drizzlePostgres(impatientPool, { schema }) as unknown as Db);
    await migratePostgres(db as never, { migrationsFolder: MIGRATIONS });
    return { db, kind: 'postgres', url: options.url, close: async () => void (await Promise.all([pool.end(), statementPool.end(), impatientPool.end()])) };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return { db, kind: 'pglite', close: () => client.close() };
}
