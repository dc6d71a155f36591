import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { copyInto, copyLine, type CopyCell } from './copy.ts';
import type { Tx } from './database.ts';

/** A row to insert: the table's column keys, values as JSON carries them (strings for numerics and dates). */
export type BulkRow<T extends PgTable> = { readonly [K in keyof T['$inferInsert']]?: unknown };

/**
 * Inserts many rows given as objects keyed like the table's columns, with COPY in the
 * caller's transaction. Every row must set the same columns; the others take their defaults.
 */
export async function bulkInsert<T extends PgTable>(tx: Tx, table: T, rows: readonly BulkRow<T>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const line = (i: number) => copyLine(keys.map((key) => (rows[i] as Record<string, unknown>)[key] as CopyCell));
  await copyInto(tx, getTableName(table), keys.map((key) => columns[key]!.name), { count: rows.length, line });
}
