import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.ts';

/** A row to insert: the table's column keys, values as JSON carries them (strings for numerics and dates). */
export type BulkRow<T extends PgTable> = { readonly [K in keyof T['$inferInsert']]?: unknown };

const BATCH = 20_000;

/**
 * Inserts many rows with one statement per batch, the rows travelling as a single JSON
 * parameter unpacked by the database: both PGlite and PostgreSQL take this several times
 * faster than multi-row VALUES with one bound parameter per cell (and without its limit of
 * 65,535 parameters). Every row must set the same columns; the others take their defaults.
 */
export async function bulkInsert<T extends PgTable>(db: Db | Tx, table: T, rows: readonly BulkRow<T>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const targets = keys.map((key) => columns[key]!);
  const names = sql.raw(targets.map((column) => `"${column.name}"`).join(', '));
  const values = sql.raw(targets.map((column, i) => cell(i, column.getSQLType())).join(', '));
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => keys.map((key) => (row as Record<string, unknown>)[key] ?? null));
    await db.execute(sql`insert into ${table} (${names}) select ${values} from json_array_elements(${JSON.stringify(batch)}::json) as r`);
  }
}

/** The i-th cell of a row array cast to the column's type; JSON columns keep their structure. */
function cell(index: number, type: string): string {
  return type === 'jsonb' || type === 'json' ? `(r->${index})::${type}` : `(r->>${index})::${type}`;
}
