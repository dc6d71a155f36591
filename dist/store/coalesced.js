import DataLoader from 'dataloader';
import { isTransaction } from "./transaction.js";
/** Keys a query takes at most: beyond, the lookups waiting go in several queries. */
const MAX_KEYS = 500;
/** Per database handle, a loader per batch function. */
const loaders = new WeakMap();
/**
 * Lookups by key (a sheet's values, a unit by id) that requests made at the same time ask
 * for together: outside a transaction, the keys asked for during one turn of the event loop
 * go to the database as one query (`loadMany`, answering in the order of its keys), instead
 * of one query, one round trip and one connection each. Under load, dozens of requests read
 * their sockets in the same turn; alone, a request waits only for the end of that turn.
 * A batch's keys are answered together, when `loadMany` answers: to let one key settle later
 * than the others (a write retried alone, see coalescedWrites), answer it with a promise.
 *
 * In a transaction, the keys run as one query of their own on the transaction's connection,
 * which sees its writes.
 */
export async function coalesced(db, keys, loadMany) {
    if (isTransaction(db))
        return loadMany(db, keys);
    const loader = loaderFor(db, loadMany);
    return Promise.all(keys.map((key) => loader.load(key)));
}
function loaderFor(db, loadMany) {
    let byFunction = loaders.get(db);
    if (!byFunction)
        loaders.set(db, (byFunction = new Map()));
    let loader = byFunction.get(loadMany);
    if (!loader) {
        loader = new DataLoader((keys) => loadMany(db, keys), {
            cache: false,
            maxBatchSize: MAX_KEYS,
            // After the poll phase: every socket read in this turn has asked for its keys.
            batchScheduleFn: (dispatch) => setImmediate(dispatch),
        });
        byFunction.set(loadMany, loader);
    }
    return loader;
}
//# sourceMappingURL=coalesced.js.map