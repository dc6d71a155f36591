/**
 * A small per-process cache whose entries expire after `ttlMs`. It spares the hot path
 * (every request checks a session, roles and an org unit's place in the tree) queries whose
 * answers change rarely. Changes made through this process forget the entries they touch at
 * once; other processes of a deployment see them within the time to live.
 */
export class Expiring<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  /**
   * Loads under way: when an entry expires, the requests asking for it at once share one query.
   * Only through the same handle: a transaction waiting on a load that waits for a pooled
   * connection held by that transaction would never finish.
   */
  private readonly loading = new Map<K, { promise: Promise<V>; through: object }>();
  /** Counts forgets: a load that a forget overtook does not store what it read before the change. */
  private forgets = 0;

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
   * all who ask through the same handle meanwhile; stored only when `keep` accepts it.
   */
  getOrLoad(key: K, through: object, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.loading.get(key);
    if (pending?.through === through) return pending.promise;
    const forgets = this.forgets;
    const promise = load()
      .then((value) => {
        if (keep(value) && forgets === this.forgets) this.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
    if (!pending) this.loading.set(key, { promise, through });
    return promise;
  }

  delete(key: K): void {
    this.forget((candidate) => candidate === key);
  }

  /** Forgets every entry whose key matches, or all of them, and the loads under way. */
  forget(matches: (key: K) => boolean = () => true): void {
    this.forgets++;
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
    for (const key of this.loading.keys()) if (matches(key)) this.loading.delete(key);
  }
}
