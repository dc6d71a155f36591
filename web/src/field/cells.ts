import { editingText } from '../../../src/contract/numbers.ts';
import { readEntry, type EntryReading } from '../../../src/contract/values.ts';
import type { InputType } from '../../../src/engine/model/inputTypes.ts';
import type { CellProblem } from '../entry/cells.ts';
import type { Entry } from './compute.ts';
import type { OutboxEntry, StoredValue, ValueEdit, ValueWrite } from './offline/outbox.ts';

/**
 * One cell of an entry sheet (an activity's state at the visit's period) in its three layers:
 * what the server stored, what waits in the outbox, what is being typed, with what is typed
 * read as the clerk's grid reads it (the verifier's language, the input's type). The screen
 * shows the topmost, and the engine computes with it.
 */
export interface Cell {
  readonly stored?: StoredValue;
  readonly queued?: OutboxEntry & { readonly write: ValueWrite };
  readonly draft?: { readonly text: string; readonly read: EntryReading };
}

/** The value the cell shows, or undefined when there is none (or what is typed cannot be saved). */
export function currentValue(cell: Cell): number | undefined {
  if (cell.draft) return cell.draft.read.kind === 'number' ? cell.draft.read.value : undefined;
  return cell.queued?.write.value ?? cell.stored?.value;
}

/** What the input shows: the text typed, else the value in the reader's writing for editing. */
export function cellText(cell: Cell, locale: string): string {
  if (cell.draft) return cell.draft.text;
  const value = cell.queued?.write.value ?? cell.stored?.value;
  return value === undefined ? '' : editingText(value, locale);
}

/**
 * Why a draft cannot be saved: what is typed cannot be stored there, or it empties a value
 * that exists (the API changes values, it does not delete them; 0 is the way to say none).
 */
export function cellProblem(cell: Cell): CellProblem | undefined {
  if (!cell.draft) return undefined;
  const { read } = cell.draft;
  if (read.kind === 'invalid') return read.problem;
  if (read.kind === 'empty' && (cell.stored !== undefined || cell.queued !== undefined)) return { code: 'cannotClear' };
  return undefined;
}

export const cellKey = (activity: string, state: string) => `${activity}\u0000${state}`;

export interface SheetInput {
  readonly orgUnit: string;
  readonly period: string;
  readonly pkg: string;
  readonly activities: readonly string[];
  readonly states: readonly string[];
  readonly stored: readonly StoredValue[];
  readonly queued: readonly OutboxEntry[];
  readonly drafts: Readonly<Record<string, string>>;
  /** How drafts are read: the verifier's language and the package's input types. */
  readonly locale: string;
  readonly inputTypes: Readonly<Record<string, InputType>> | undefined;
}

/** The cells of a package at a period, keyed by activity and state. */
export function cellsOf(input: SheetInput): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const inPeriod = <T extends { period: string; orgUnit: string }>(value: T) => value.period === input.period && value.orgUnit === input.orgUnit;
  const stored = new Map(input.stored.filter(inPeriod).map((value) => [cellKey(value.activity, value.state), value]));
  const queued = new Map(
    input.queued
      .filter((entry): entry is OutboxEntry & { write: ValueWrite } => entry.write.kind === 'value' && inPeriod(entry.write))
      .map((entry) => [cellKey(entry.write.activity, entry.write.state), entry]),
  );
  for (const activity of input.activities) {
    for (const state of input.states) {
      const key = cellKey(activity, state);
      const text = input.drafts[key];
      const cell: Cell = {
        ...(stored.has(key) ? { stored: stored.get(key)! } : {}),
        ...(queued.has(key) ? { queued: queued.get(key)! } : {}),
        ...(text !== undefined ? { draft: { text, read: readEntry(text, input.locale, input.inputTypes?.[state]) } } : {}),
      };
      cells.set(key, cell);
    }
  }
  return cells;
}

/** The edits to queue when saving: every draft that is a number. */
export function editsOf(cells: ReadonlyMap<string, Cell>, orgUnit: string, period: string, pkg: string): ValueEdit[] {
  const edits: ValueEdit[] = [];
  for (const [key, cell] of cells) {
    if (cell.draft?.read.kind !== 'number') continue;
    const [activity = '', state = ''] = key.split('\u0000');
    const stored = cell.stored ? { value: cell.stored.value, version: cell.stored.version } : undefined;
    edits.push({ key: { orgUnit, period, activity, state }, package: pkg, value: cell.draft.read.value, stored });
  }
  return edits;
}

/**
 * What the engine reads: the cells' values at the visit's period, and for a quarterly package
 * the values of the other periods it sums (stored, or waiting in the outbox).
 */
export function engineEntries(
  cells: ReadonlyMap<string, Cell>,
  period: string,
  others: readonly StoredValue[],
  queued: readonly OutboxEntry[],
): Entry[] {
  const entries: Entry[] = [];
  for (const [key, cell] of cells) {
    const value = currentValue(cell);
    if (value === undefined) continue;
    const [activity = '', state = ''] = key.split('\u0000');
    entries.push({ period, activity, state, value });
  }
  const elsewhere = new Map<string, Entry>();
  const at = (entry: Entry) => `${entry.period}\u0000${entry.activity}\u0000${entry.state}`;
  for (const value of others) if (value.period !== period) elsewhere.set(at(value), value);
  for (const entry of queued) {
    if (entry.write.kind === 'value' && entry.write.period !== period) elsewhere.set(at(entry.write), entry.write);
  }
  for (const entry of elsewhere.values()) entries.push({ period: entry.period, activity: entry.activity, state: entry.state, value: entry.value });
  return entries;
}
