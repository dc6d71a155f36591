/**
 * What an audit entry changed, field by field, from the old and new values the server kept
 * (whole records, or only the fields an edit touched). Nested objects are read as dotted
 * fields (`groups.type`), so a reader sees "groups.type: cds → hd" rather than two JSON texts.
 */
export type Scalar = string | number | boolean | null;

export interface FieldChange {
  /** The dotted field; empty when the entry kept a single value. */
  readonly field: string;
  /** Absent when the field did not exist before (a creation). */
  readonly before?: Scalar | readonly Scalar[];
  /** Absent when the field is gone (a removal). */
  readonly after?: Scalar | readonly Scalar[];
}

type Leaf = Scalar | readonly Scalar[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaves of a value by dotted field; a list of plain values is one leaf, a list of records is read by index. */
function leaves(value: unknown, prefix: string, into: Map<string, Leaf>): Map<string, Leaf> {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    value.forEach((item, index) => leaves(item, `${prefix}[${index + 1}]`, into));
  } else if (Array.isArray(value)) {
    into.set(prefix, value as Scalar[]);
  } else if (value !== undefined) {
    into.set(prefix, value as Scalar);
  }
  return into;
}

const same = (a: Leaf | undefined, b: Leaf | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs, in the order the new value (then the old one) lists them; unchanged fields left out. */
export function fieldChanges(oldValue: unknown, newValue: unknown): FieldChange[] {
  const before = oldValue === null || oldValue === undefined ? new Map<string, Leaf>() : leaves(oldValue, '', new Map());
  const after = newValue === null || newValue === undefined ? new Map<string, Leaf>() : leaves(newValue, '', new Map());
  const fields = [...new Set([...after.keys(), ...before.keys()])];
  return fields
    .filter((field) => !same(before.get(field), after.get(field)))
    .map((field) => ({
      field,
      ...(before.has(field) ? { before: before.get(field)! } : {}),
      ...(after.has(field) ? { after: after.get(field)! } : {}),
    }));
}
