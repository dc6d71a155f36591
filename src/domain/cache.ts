/**
 * A small per-process cache whose entries expire after `ttlMs`. It spares the hot path
 * (every request checks a session, roles and an org unit's place in the tree) queries whose
 * answers change rarely. Changes made through this process forget the entries they touch at
 * once; other processes of a deployment see them within the time to live.
 */
export class Expiring<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

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

  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load();
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose key matches, or all of them. */
  forget(matches: (key: K) => boolean = () => true): void {
    for (const key of this.entries.keys()) if (matches(key)) this.entries.delete(key);
  }
}
