import { sql, type SQL } from 'drizzle-orm';
import type { UserRef } from '../../actor.ts';
import type { ValueKey } from '../rows.ts';
import { storedText } from '../value.ts';

/**
 * What a value holds beside its key, its version and its audit (who, when): what a change
 * writes, what a sheet shows, what "unchanged" compares. A column added to data values that
 * people enter goes here, in `contentOf`, `sameContent` and `contentParams`, in the tuple
 * below, and in the guarded write's statement (statements.ts); nothing outside this folder
 * names it, but the schema, its migration and the contract (decision 0011).
 */
export interface ValueContent {
  readonly value: number;
}

/** The content of a change, a row or a stored value, without their other fields. */
export function contentOf(from: ValueContent): ValueContent {
  return { value: from.value };
}

/** Whether two contents are the same: writing the stored content again changes nothing, not even the version. */
export function sameContent(a: ValueContent, b: ValueContent): boolean {
  return a.value === b.value;
}

/** A content's columns as the guarded write takes them (its parameters of the same names): one array a column, in the changes' order. */
export interface ContentParams {
  /** As text: numeric columns are exact, a JavaScript number's decimals would not be. */
  readonly values: string[];
}

export function contentParams(changes: readonly ValueContent[]): ContentParams {
  return { values: changes.map((change) => storedText(change.value)) };
}

/** A stored value as the API shows it: its content, its version, who changed it last and when. */
export interface StoredValue extends ValueKey, ValueContent {
  readonly version: number;
  readonly updatedBy: UserRef | null;
  readonly updatedAt: Date;
}

/**
 * The one place where a stored value's columns are read on the data-entry path: every query
 * that answers values (a sheet's, a write's lookups, the guarded write's own answer) writes each
 * value as this JSON array, and `storedValue` reads it back. PostgreSQL builds it and one
 * `JSON.parse` reads it, instead of the driver decoding each column of each row (decision
 * 0011). The time is whole milliseconds since 1970, truncated as a Date truncates it.
 *
 * `values` and `users` name the data_values and users rows of the query (users left-joined on
 * updated_by); they are the query's own aliases, never input.
 */
export function valueTuple(values: string, users: string): SQL {
  return sql.raw(
    `json_build_array(${values}.activity, ${values}.state, ${values}.value, ${values}.version, ` +
      `trunc(extract(epoch from ${values}.updated_at) * 1000)::int8, ${users}.id, ${users}.username, ${users}.name)`,
  );
}

/** What valueTuple writes, in its order. */
type ValueTuple = [string, string, number, number, number, number | null, string | null, string | null];

/** A value of `orgUnit` and `period` from its tuple (valueTuple); built field by field, as a sheet presents dozens. */
export function storedValue(orgUnit: string, period: string, tuple: ValueTuple): StoredValue {
  const [activity, state, value, version, updatedAt, userId, username, name] = tuple;
  return {
    orgUnit,
    period,
    activity,
    state,
    value,
    version,
    updatedBy: userId === null ? null : { id: userId, username: username!, name: name! },
    updatedAt: new Date(updatedAt),
  };
}

/** One value from its tuple's JSON text. */
export function parseStoredValue(orgUnit: string, period: string, text: string): StoredValue {
  return storedValue(orgUnit, period, JSON.parse(text) as ValueTuple);
}

/** The values of a unit and period from a JSON array of tuples (`json_agg` of valueTuple), null for none. */
export function parseStoredValues(orgUnit: string, period: string, text: string | null): StoredValue[] {
  if (text === null) return [];
  return (JSON.parse(text) as ValueTuple[]).map((tuple) => storedValue(orgUnit, period, tuple));
}
