import DataLoader from 'dataloader';
import type { Db, Tx } from './database.ts';
import { isTransaction } from './transaction.ts';

/** Keys a query takes at most: beyond, the lookups waiting go in several queries. */
const MAX_KEYS = 500;

type LoadMany<K, V> = (db: Db | Tx, keys: readonly K[]) => Promise<V[]>;

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
export async function coalesced<K, V>(db: Db | Tx, keys: readonly K[], loadMany: LoadMany<K, V>): Promise<V[]> {
  if (isTransaction(db)) return loadMany(db, keys);
  const loader = loaderFor(db, loadMany);
  return Promise.all(keys.map((key) => loader.load(key)));
}

function loaderFor<K, V>(db: Db, loadMany: LoadMany<K, V>): DataLoader<K, V> {
  // The database's loaders: a batch never mixes the keys of two databases.
  const byFunction = db.machinery.loaders;
  let loader = byFunction.get(loadMany) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>((keys) => loadMany(db, keys), {
      cache: false,
      maxBatchSize: MAX_KEYS,
      // After the poll phase: every socket read in this turn has asked for its keys.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    });
    byFunction.set(loadMany, loader);
  }
  return loader;
}
