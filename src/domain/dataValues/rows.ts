import type { Holding } from '../workflow/packages.ts';
import type { Problem } from '../workflow/problems.ts';

/** One value to store: a row of an import, or the body of a single write. */
export interface ValueRow {
  /** Where the row came from, for messages: the CSV line or the 1-based position in a JSON array. */
  readonly row: number;
  readonly orgUnit: string;
  readonly period: string;
  readonly activity: string;
  readonly state: string;
  readonly value: number;
  readonly package?: string | undefined;
}

/** A row that passed every check, with the packages (and so the locks) it touches. */
export interface CheckedRow extends ValueRow {
  readonly holdings: readonly Holding[];
}

export interface RowError extends Problem {
  readonly row: number;
}

/** The identity of a stored value: one per (unit, period, activity, state). */
export interface ValueKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly activity: string;
  readonly state: string;
}

export function valueKey(key: ValueKey): string {
  return `${key.orgUnit}\u0000${key.period}\u0000${key.activity}\u0000${key.state}`;
}

/** How messages and the audit log name a value. */
export function describeValue(key: ValueKey): string {
  return `${key.orgUnit}/${key.period}/${key.activity}/${key.state}`;
}
