import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import postgres from 'postgres';
import { drizzle as drizzlePostgresJs } from 'drizzle-orm/postgres-js';
import { runPreparedThrough } from './prepared.ts';
import * as schema from './schema.ts';

/** The one interface to storage: the same query builder and SQL on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
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
 * Connections per statement client. Few: each carries the pipelined queries of many requests,
 * and fewer connections send more queries a write (on 2 cores, 4 gave p99 41–45 ms against
 * 45–49 with 10; decision 0010). Four backends busy with one process's lookups are more
 * than one Node process can keep fed.
 */
const STATEMENT_CONNECTIONS = 4;

/** Startup parameters of the statement client's connections. */
const PLAN_ONCE = { plan_cache_mode: 'force_generic_plan' };

/**
 * The hot path's prepared statements (decision 0010) run on postgres.js clients, one for
 * lookups and one for writes (see StatementKind): postgres.js pipelines the queries of
 * concurrent requests on each connection, one write and one read for several, where
 * node-postgres makes a round trip a query. Their connections plan each statement once
 * (decision 0009): PostgreSQL otherwise plans them again at every call when it cannot tell a
 * generic plan is as good (a list given as an array, estimated at 100 rows). Other queries
 * keep plans made for their parameters, on the main pool. The connections are renewed every
 * minute: a plan made while the tables were nearly empty does not outlive a bulk import that
 * autovacuum has not yet analysed.
 */
export async function openStatementClient(url: string, purpose: string, planOnce: Record<string, string> = PLAN_ONCE): Promise<postgres.Sql> {
  // Named for pg_stat_activity.
  const options = { max: STATEMENT_CONNECTIONS, max_lifetime: 60, idle_timeout: 30, onnotice: () => {}, connection: { application_name: `openpbf ${purpose}` } };
  const planningOnce = postgres(url, { ...options, connection: { ...options.connection, ...planOnce } });
  try {
    await planningOnce`select 1`;
    return planningOnce;
  } catch (error) {
    await planningOnce.end();
    // A connection pooler may refuse the startup parameter (PgBouncer refuses those it does
    // not know): the statements then run, planned at every call.
    const plain = postgres(url, options);
    await plain`select 1`;
    console.error(`database: hot ${purpose} planned at every call (plan_cache_mode refused: ${(error as Error).message})`);
    return plain;
  }
}

function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, admin command) must not crash the process:
  // the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`database: an idle connection was lost (${error.message})`));
  return pool;
}

/** Opens (creating or migrating as needed) the database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = openPool(options.url);
    const db = drizzlePostgres(pool, { schema }) as unknown as Db;
    await migratePostgres(db as never, { migrationsFolder: MIGRATIONS });
    const [lookups, writes] = await Promise.all([openStatementClient(options.url, 'lookups'), openStatementClient(options.url, 'writes')]);
    const through = (client: postgres.Sql) => drizzlePostgresJs(client, { schema }) as unknown as Db;
    runPreparedThrough(db, { lookup: through(lookups), write: through(writes) });
    return { db, kind: 'postgres', close: async () => void (await Promise.all([pool.end(), lookups.end(), writes.end()])) };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return { db, kind: 'pglite', close: () => client.close() };
}
