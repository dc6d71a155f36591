import type { Database, Tx } from '../store/database.ts';
import { transaction } from '../store/transaction.ts';

/** Runs a command in one transaction: all of it is stored, or nothing. */
export function inTransaction<T>(database: Database, command: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(database.db, command);
}
