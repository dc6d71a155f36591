import DataLoader from 'dataloader';
import type { Db, Tx } from './database.ts';
import { isTransaction } from './transaction.ts';

/** Keys a query takes at most: beyond, the lookups waiting go in several queries. */
const MAX_KEYS = 500;

const loaders = new WeakMap<Db, Map<string, DataLoader<unknown, unknown>>>();

/**
 * One lookup by key (a sheet's values, a unit by id) that requests made at the same time ask
 * for together: outside a transaction, the keys asked for during one turn of the event loop
 * go to the database as one query (`loadMany`, in the order of its keys), instead of one
 * query, one round trip and one connection each. Under load, dozens of requests read their
 * sockets in the same turn; alone, a request waits only for the end of that turn. Reads only:
 * a write waiting for a lock would hold back every other write of its batch.
 *
 * In a transaction, the lookup runs alone on the transaction's connection and sees its writes.
 */
export function coalesced<K, V>(db: Db | Tx, name: string, key: K, loadMany: (db: Db | Tx, keys: readonly K[]) => Promise<V[]>): Promise<V> {
  if (isTransaction(db)) return loadMany(db, [key]).then(([value]) => value!);
  let byName = loaders.get(db as Db);
  if (!byName) loaders.set(db as Db, (byName = new Map()));
  let loader = byName.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>((keys) => loadMany(db, keys), {
      cache: false,
      maxBatchSize: MAX_KEYS,
      // After the poll phase: every socket read in this turn has asked for its keys.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    });
    byName.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader.load(key);
}
