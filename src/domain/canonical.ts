import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always gives equal text and hash. */
export function canonicalJson(value: unknown): string {
  // A row of plain values (the runs' hashed inputs) has no keys to sort: skip the replacer.
  if (Array.isArray(value) && value.every(isPlain)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const isPlain = (item: unknown) => item === null || typeof item !== 'object';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of a sequence of values, each as canonical JSON on its own line, without building one large text. */
export function sha256Lines(values: Iterable<unknown>): string {
  const hash = createHash('sha256');
  // Lines are handed over some 64 KB at a time: one update per line costs more than the hashing.
  let pending = '';
  for (const value of values) {
    pending += `${canonicalJson(value)}\n`;
    if (pending.length >= 65_536) {
      hash.update(pending);
      pending = '';
    }
  }
  return hash.update(pending).digest('hex');
}
