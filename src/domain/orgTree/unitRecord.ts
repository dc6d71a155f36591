import type { UnitRecordInput } from '../../contract/api/orgUnits.ts';

/** A unit as it is imported, edited and audited. */
export interface UnitRecord {
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  readonly groups: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, number>>;
  /** ISO dates the unit is open from and until (closed after), or null. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
}


/** A record with its defaults: the id as name, no parent, groups or attributes, open-ended. */
export function completeRecord(input: UnitRecordInput): UnitRecord {
  return {
    id: input.id,
    name: input.name ?? input.id,
    parent: input.parent ?? null,
    groups: input.groups ?? {},
    attributes: input.attributes ?? {},
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  };
}

const FIELDS = ['name', 'parent', 'groups', 'attributes', 'validFrom', 'validTo'] as const;
export type UnitField = (typeof FIELDS)[number];

/** The fields whose values differ between two records of one unit. */
export function changedFields(before: UnitRecord, after: UnitRecord): UnitField[] {
  return FIELDS.filter((field) => JSON.stringify(canonical(before[field])) !== JSON.stringify(canonical(after[field])));
}

/** Object keys sorted, so that `{a, b}` and `{b, a}` compare equal. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Only the given fields of a record, for the audit log's old and new values. */
export function pick(record: UnitRecord, fields: readonly UnitField[]): Partial<UnitRecord> {
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}
