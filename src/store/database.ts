import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransactionConfig } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { Machinery, SILENT, type Log } from './machinery.ts';
import * as schema from './schema.ts';

type Drizzle = PgDatabase<PgQueryResultHKT, typeof schema>;
type DrizzleTx = Parameters<Parameters<Drizzle['transaction']>[0]>[0];

/**
 * The one interface to storage: the same query builder and SQL on PGlite and PostgreSQL,
 * carrying the machinery of the database it belongs to (caches, prepared statements, loaders,
 * log), so that the code given a handle finds them without any module-level state.
 */
export type Db = Omit<Drizzle, 'transaction'> & {
  readonly machinery: Machinery;
  /** The statements prepared through this handle (prepared.ts): each pool's handle has its own. */
  readonly statements: Map<string, unknown>;
  /** drizzle's, its handle carrying the machinery too (see withMachinery). */
  transaction<T>(command: (tx: Tx) => Promise<T>, config?: PgTransactionConfig): Promise<T>;
};

/**
 * A transaction handle, usable wherever a Db is: its database's machinery, its own prepared
 * statements, and, when `transaction` (transaction.ts) opened it, the hooks to run once it has committed.
 */
export type Tx = DrizzleTx & {
  readonly machinery: Machinery;
  readonly statements: Map<string, unknown>;
  commitHooks?: (() => void)[];
};

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Its caches, prepared statements, loaders and log; `db.machinery` too. */
  readonly machinery: Machinery;
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
  /** Where the database logs (a lost connection, a failed batch): the server's logger; nowhere when absent. */
  readonly log?: Log;
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
function openStatementPool(url: string, log: Log): pg.Pool {
  // Awaited by the pool before it gives out a new connection; a connection it fails on is closed.
  return openPool(url, log, { maxLifetimeSeconds: 60, onConnect: (client) => client.query('set plan_cache_mode = force_generic_plan') });
}

/**
 * Connections for writes coalesced from several requests (decision 0010): a statement that
 * meets a lock gives up after 100 ms, and its writes are tried again one by one, so that one
 * write waiting for a workflow step or an import does not hold back the others.
 */
function openImpatientPool(url: string, log: Log): pg.Pool {
  const settings = "set plan_cache_mode = force_generic_plan; set lock_timeout = '100ms'";
  return openPool(url, log, { max: 4, maxLifetimeSeconds: 60, onConnect: (client) => client.query(settings) });
}

/**
 * A pool whose lost connections are logged and never crash the process. The pool listens for
 * errors only on idle connections: a connection lost while a request holds it (a restart,
 * an administrator's pg_terminate_backend, a network cut mid-COPY) emitted an 'error' no one
 * heard, which kills a Node process. Its query fails with the loss meanwhile, the request's
 * transaction with it (answered 503, see connectionLost.ts), and the pool drops the connection
 * when it is released.
 */
function openPool(url: string, log: Log, options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, ...options });
  pool.on('connect', (client) => client.on('error', (error: Error & { code?: string }) => log.error({ err: error, code: error.code }, LOSS)));
  // Logged by the connection's own listener above; without one here the pool's 'error' would throw.
  pool.on('error', () => undefined);
  return pool;
}

const LOSS = 'database: a connection was lost; any query running on it failed, and the pool opens another connection when needed';

/** A drizzle handle made one of this database's: it, and every transaction it opens, carry the machinery. */
function withMachinery(handle: Drizzle, machinery: Machinery): Db {
  const open = handle.transaction.bind(handle);
  const transaction = <T>(command: (tx: Tx) => Promise<T>, config?: PgTransactionConfig) =>
    open((tx) => command(Object.assign(tx, { machinery, statements: new Map<string, unknown>() })), config);
  return Object.assign(handle, { machinery, statements: new Map<string, unknown>(), transaction }) as unknown as Db;
}

/** Opens (creating or migrating as needed) the database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.log ?? SILENT;
  if (options.url) {
    const pool = openPool(options.url, log);
    const statementPool = openStatementPool(options.url, log);
    const impatientPool = openImpatientPool(options.url, log);
    const handleOf = (of: pg.Pool) => drizzlePostgres(of, { schema }) as unknown as Drizzle;
    const machinery = new Machinery(log, (owner) => ({
      statements: withMachinery(handleOf(statementPool), owner),
      impatient: withMachinery(handleOf(impatientPool), owner),
    }));
    const db = withMachinery(handleOf(pool), machinery);
    await migratePostgres(db as never, { migrationsFolder: MIGRATIONS });
    const close = async () => void (await Promise.all([pool.end(), statementPool.end(), impatientPool.end()]));
    return { db, kind: 'postgres', url: options.url, machinery, close };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const machinery = new Machinery(log);
  const db = withMachinery(drizzlePglite(client, { schema }) as unknown as Drizzle, machinery);
  await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
  return { db, kind: 'pglite', machinery, close: () => client.close() };
}
