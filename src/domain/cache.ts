import type { Db, Tx } from '../store/database.ts';
import { afterCommit, isTransaction, onCommit } from '../store/transaction.ts';

/**
 * A small cache whose entries expire after `ttlMs`, one per database (kept in its machinery,
 * see `kept` in src/store/machinery.ts). It spares the hot path
 * (every request checks a session, roles and an org unit's place in the tree) queries whose
 * answers change rarely. Changes made through this process forget the entries they touch at
 * once and again when they commit (`forgetChanged`); values read inside a transaction are
 * kept only once it has committed. Other processes of a deployment see changes within the time to live.
 */
export class Expiring<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  /**
   * Loads under way: when an entry expires, the requests asking for it at once share one query.
   * Only through the same handle: a transaction waiting on a load that waits for a pooled
   * connection held by that transaction would never finish.
   */
  private readonly loading = new Map<K, { promise: Promise<V>; through: Db | Tx }>();
  /** Counts forgets: a load that a forget overtook does not store what it read before the change. */
  private forgets = 0;

  /** Take before reading what `setRead` will store. */
  generation(): number {
    return this.forgets;
  }

  /**
   * Stores a value read through `db` since `generation`, unless a forget came meanwhile. Read
   * in a transaction, it may show writes that are never committed: it is stored only once the
   * transaction has committed, and if no forget came by then.
   */
  setRead(key: K, value: V, db: Db | Tx, generation: number): void {
    const store = () => {
      if (generation === this.forgets) this.set(key, value);
    };
    if (isTransaction(db)) onCommit(db, store);
    else store();
  }

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: K, value: V, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  /**
   * The cached value, or the one `load` reads through `through` (a database handle), once for
   * all who ask through the same handle meanwhile; stored (see setRead) when `keep` accepts it.
   */
  getOrLoad(key: K, through: Db | Tx, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.loading.get(key);
    if (pending?.through === through) return pending.promise;
    const generation = this.forgets;
    const promise = load()
      .then((value) => {
        if (keep(value)) this.setRead(key, value, through, generation);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
    if (!pending) this.loading.set(key, { promise, through });
    return promise;
  }

  /**
   * After a change made through `db`: forgets the matching entries now and again once the
   * change has committed, so that a load reading the old rows meanwhile is not kept.
   */
  forgetChanged(db: Db | Tx, matches: (key: K) => boolean = () => true): void {
    this.forget(matches);
    afterCommit(db, () => this.forget(matches));
  }

  /** Forgets every entry whose key matches, or all of them, and the loads under way. */
  forget(matches: (key: K) => boolean = () => true): void {
    this.forgets++;
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
    for (const key of this.loading.keys()) if (matches(key)) this.loading.delete(key);
  }
}
