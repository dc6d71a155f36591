import { PgTransaction } from 'drizzle-orm/pg-core';
const afterCommits = new WeakMap();
/**
 * Runs `command` in one transaction, then the hooks it registered with `afterCommit`. When
 * the command fails and the rollback fails too (the connection is gone), the command's error
 * is the one thrown: it says what went wrong, the rollback's only that it could not follow.
 */
export async function transaction(db, command) {
    const hooks = [];
    let failure;
    const result = await db
        .transaction((tx) => {
        afterCommits.set(tx, hooks);
        return command(tx).catch((error) => {
            failure = { error };
            throw error;
        });
    })
        .catch((error) => {
        throw failure ? failure.error : error;
    });
    for (const hook of hooks)
        hook();
    return result;
}
/**
 * Runs `hook` once the transaction of `db` has committed (never if it rolls back); at once
 * outside a transaction, or in one not opened by `transaction` (a savepoint).
 */
export function afterCommit(db, hook) {
    const hooks = afterCommits.get(db);
    if (hooks)
        hooks.push(hook);
    else
        hook();
}
/**
 * Runs `hook` once `tx` has committed, when `transaction` opened it; never otherwise (a
 * savepoint's work may yet be rolled back with its parent).
 */
export function onCommit(tx, hook) {
    afterCommits.get(tx)?.push(hook);
}
/** Whether `db` is a transaction, whose reads may see writes that are never committed. */
export function isTransaction(db) {
    return db instanceof PgTransaction;
}
//# sourceMappingURL=transaction.js.map