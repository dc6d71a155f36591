import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from './database.ts';

/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

export type ColumnType = 'text' | 'numeric' | 'float8' | 'int4';

export interface ArrayColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: readonly unknown[];
}

/** A list as one array parameter: one parameter whatever its length. */
export function arrayParam(values: readonly unknown[], type: ColumnType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export interface InsertOptions {
  /** Values shared by every row (the programme, the run). */
  readonly constants?: Readonly<Record<string, unknown>>;
  readonly batch?: number;
  /** Called after each batch is written, with the rows written so far. */
  readonly afterBatch?: (rows: number) => Promise<void>;
}

/**
 * Inserts rows given as columns with `INSERT ... SELECT FROM unnest(...)`: a batch of
 * thousands of rows costs one statement with one parameter per column.
 */
export async function insertColumns(
  db: Db | Tx,
  table: string,
  columns: readonly ArrayColumn[],
  options: InsertOptions = {},
): Promise<void> {
  const constants = Object.entries(options.constants ?? {});
  const names = [...constants.map(([name]) => name), ...columns.map((column) => column.name)];
  const target = sql.join(names.map((name) => sql.identifier(name)), sql`, `);
  const fixed = constants.map(([, value]) => sql`${value}`);
  const count = columns[0]?.values.length ?? 0;
  const batch = options.batch ?? 20_000;
  for (let start = 0; start < count; start += batch) {
    const arrays = columns.map((column) => arrayParam(column.values.slice(start, start + batch), column.type));
    const selected = sql.join([...fixed, sql`*`], sql`, `);
    await db.execute(sql`insert into ${sql.identifier(table)} (${target}) select ${selected} from unnest(${sql.join(arrays, sql`, `)})`);
    await options.afterBatch?.(Math.min(start + batch, count));
  }
}
