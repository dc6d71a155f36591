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
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  // JSON columns take any value as JSON text (a string, true, null included); the others their text.
  const json = keys.map((key) => ['json', 'jsonb'].includes(columns[key]!.getSQLType()));
  const cell = (row: Record<string, unknown>, key: string, k: number) => (json[k] ? JSON.stringify(row[key] ?? null) : (row[key] as CopyCell));
  const line = (i: number) => copyLine(keys.map((key, k) => cell(rows[i] as Record<string, unknown>, key, k)));
  await copyInto(tx, getTableName(table), keys.map((key) => columns[key]!.name), { count: rows.length, line });
}
