import { sql, type SQL } from 'drizzle-orm';
import { copyCell, copyInto, type CopyCell } from './copy.ts';
import type { Db, Tx } from './database.ts';

/** Runs raw SQL and returns its rows, the same on PGlite and node-postgres. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

export type ColumnType = 'text' | 'numeric' | 'float8' | 'int4';

export interface ArrayColumn {
  readonly name: string;
  readonly values: readonly CopyCell[];
}

/** A list as one array parameter: one parameter whatever its length. */
export function arrayParam(values: readonly unknown[], type: ColumnType): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export interface InsertOptions {
  /** Values shared by every row (the programme, the run). */
  readonly constants?: Readonly<Record<string, CopyCell>>;
  /** Called after each batch is written, with the rows written so far. */
  readonly afterBatch?: (rows: number) => Promise<void>;
}

/** Inserts rows given as columns, with COPY in the caller's transaction (see copy.ts). */
export async function insertColumns(tx: Tx, table: string, columns: readonly ArrayColumn[], options: InsertOptions = {}): Promise<void> {
  const constants = Object.entries(options.constants ?? {});
  const names = [...constants.map(([name]) => name), ...columns.map((column) => column.name)];
  // The constants' text is made once; each line then adds its own cells, with no array per row.
  const fixed = constants.map(([, value]) => copyCell(value) + '\t').join('');
  const line = (i: number) => {
    let text = fixed + copyCell(columns[0]!.values[i]);
    for (let c = 1; c < columns.length; c++) text += '\t' + copyCell(columns[c]!.values[i]);
    return text;
  };
  await copyInto(tx, table, names, { count: columns[0]?.values.length ?? 0, line }, options.afterBatch);
}
