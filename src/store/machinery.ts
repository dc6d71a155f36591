import type { Db, Tx } from './database.ts';

/**
 * What the store and the domain log through: the server's pino logger (fastify's, see
 * src/server/log.ts), structured (fields first, then the message). pino's loggers are such.
 */
export interface Log {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Nothing is logged where no one said where to (tests, scripts). */
export const SILENT: Log = { error: () => undefined, warn: () => undefined };

/**
 * Something a module keeps for each database it is used with (a cache, a count), declared
 * once by that module and made, on first use, for each database apart: the state lives in
 * the database's machinery, never in the module, so two databases in one process share none.
 * The store cannot name the domain's caches itself (it must not import the domain), hence
 * this key instead of a field per cache.
 */
export interface Kept<T> {
  readonly name: string;
  readonly create: () => T;
}

export function kept<T>(name: string, create: () => T): Kept<T> {
  return { name, create };
}

/**
 * The machinery of one open database, built by openDatabase and carried by each of its
 * handles (`db.machinery`, and each transaction's): where its hot statements run (decision
 * 0009), where writes that must not wait for a lock run (decision 0010), its coalescing
 * loaders, what modules keep per database, and its log.
 */
export class Machinery {
  /** A loader per batch function (coalesced.ts). */
  readonly loaders = new Map<unknown, unknown>();
  private readonly keptValues = new Map<Kept<unknown>, unknown>();
  /** Runs the statements planned once (decision 0009); the main handle itself on PGlite. */
  private readonly statementHandle?: Db;
  /** Runs coalesced writes that give up on a lock after 100 ms (decision 0010); the main handle on PGlite. */
  private readonly impatientHandle?: Db;

  /** `hot`: makes PostgreSQL's handles on the statement and impatient pools (see openDatabase); PGlite has none. */
  constructor(
    readonly log: Log,
    hot?: (machinery: Machinery) => { readonly statements: Db; readonly impatient: Db },
  ) {
    const handles = hot?.(this);
    this.statementHandle = handles?.statements;
    this.impatientHandle = handles?.impatient;
  }

  /** Where the statements planned once that are prepared through `db` run: the impatient handle's stay on its own connections, which plan once too. */
  statementsThrough(db: Db): Db {
    return db === this.impatientHandle ? db : (this.statementHandle ?? db);
  }

  impatientThrough(db: Db): Db {
    return this.impatientHandle ?? db;
  }

  /** This database's value of `what`, made on first use. */
  get<T>(what: Kept<T>): T {
    let value = this.keptValues.get(what as Kept<unknown>) as T | undefined;
    if (value === undefined) this.keptValues.set(what as Kept<unknown>, (value = what.create()));
    return value;
  }
}

/** The value of `what` for the database `db` belongs to (a transaction's is its database's). */
export function keptBy<T>(db: Db | Tx, what: Kept<T>): T {
  return db.machinery.get(what);
}
