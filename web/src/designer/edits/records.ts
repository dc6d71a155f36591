/**
 * Copy-on-write helpers the draft's edits share: each returns a new value and leaves its
 * argument untouched, so that React sees every change by reference.
 */

/** A new record with `key` set (or removed when `value` is undefined), keeping the order. */
export function withEntry<T>(record: Record<string, T> | undefined, key: string, value: T | undefined): Record<string, T> {
  const next: Record<string, T> = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A new record with one key renamed in place (same position), its value kept. */
export function withKeyRenamed<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

export function replaceAt<T>(items: readonly T[], index: number, update: (item: T) => T): T[] {
  if (index < 0 || index >= items.length) throw new RangeError(`no item ${index}`);
  return items.map((item, i) => (i === index ? update(item) : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  if (index < 0 || index >= items.length) throw new RangeError(`no item ${index}`);
  return items.filter((_, i) => i !== index);
}

/** An object with an optional field set, or left out when `value` is undefined. */
export function withOptional<T extends object, K extends keyof T>(item: T, field: K, value: T[K] | undefined): T {
  const next = { ...item };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next;
}

/** An optional text field set, or left out when empty: a programme file omits a name it lacks rather than storing "". */
export function withText<T extends object, K extends keyof T>(item: T, field: K, text: string): T {
  return withOptional(item, field, text === '' ? undefined : (text as T[K]));
}

/** `base`, or `base_2`, `base_3`… : the first not in `taken`. */
export function unusedName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  return name;
}
