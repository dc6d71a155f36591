import { sql, type SQL } from 'drizzle-orm';
import type { UserRef } from '../actor.ts';
import type { ValueKey } from './rows.ts';

/** A stored value as the API shows it: the number, its version, who changed it last and when. */
export interface StoredValue extends ValueKey {
  readonly value: number;
  readonly version: number;
  readonly updatedBy: UserRef | null;
  readonly updatedAt: Date;
}

/**
 * The one place where a stored value's columns are named on the data-entry path: every query
 * that answers values (a sheet's, a write's lookups, the guarded write's own answer) writes each
 * value as this JSON array, and `storedValue` reads it back. PostgreSQL builds it and one
 * `JSON.parse` reads it, instead of the driver decoding each column of each row (decision
 * 0011). The time is whole milliseconds since 1970, truncated as a Date truncates it. Adding a
 * column to data values: the schema and its migration, this pair, and the contract's `storedValue`.
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
