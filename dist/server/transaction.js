import { transaction } from "../store/transaction.js";
/** Runs a command in one transaction: all of it is stored, or nothing. */
export function inTransaction(database, command) {
    return transaction(database.db, command);
}
//# sourceMappingURL=transaction.js.map