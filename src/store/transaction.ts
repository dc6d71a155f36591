import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './database.ts';

/**
 * Runs `command` in one transaction, then the hooks it registered with `afterCommit`. When
 * the command fails and the rollback fails too (the connection is gone), the command's error
 * is the one thrown: it says what went wrong, the rollback's only that it could not follow.
 */
export async function transaction<T>(db: Db, command: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  let failure: { error: unknown } | undefined;
  const result = await db
    .transaction((tx) => {
      tx.commitHooks = hooks;
      return command(tx).catch((error: unknown) => {
        failure = { error };
        throw error;
      });
    })
    .catch((error: unknown) => {
      throw failure ? failure.error : error;
    });
  for (const hook of hooks) hook();
  return result;
}

/**
 * Runs `hook` once the transaction of `db` has committed (never if it rolls back); at once
 * outside a transaction, or in one not opened by `transaction` (a savepoint).
 */
export function afterCommit(db: Db | Tx, hook: () => void): void {
  if (isTransaction(db) && db.commitHooks) db.commitHooks.push(hook);
  else hook();
}

/**
 * Runs `hook` once `tx` has committed, when `transaction` opened it; never otherwise (a
 * savepoint's work may yet be rolled back with its parent).
 */
export function onCommit(tx: Tx, hook: () => void): void {
  tx.commitHooks?.push(hook);
}

/** Whether `db` is a transaction, whose reads may see writes that are never committed. */
export function isTransaction(db: Db | Tx): db is Tx {
  return db instanceof PgTransaction;
}
