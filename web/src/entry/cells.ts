import type { InputType } from '../../../src/engine/model/inputTypes.ts';
import { readEntry, type EntryProblem } from '../../../src/contract/values.ts';
import type { StoredValue } from './api.ts';
import { sameAmount } from './totals.ts';

/** Why a cell is not saved: what is typed cannot be stored there, or it empties a saved value. */
export type CellProblem = EntryProblem | { readonly code: 'cannotClear' };

/**
 * What a cell being edited holds: the text typed, the version of the value the clerk saw
 * when starting to type (a write goes only over that version, so a value changed meanwhile
 * comes back as a conflict and is never overwritten), and where its saving stands.
 */
export interface Draft {
  readonly text: string;
  readonly base: number | undefined;
  readonly phase: 'editing' | 'saving' | 'invalid' | 'failed' | 'conflict';
  readonly problem?: CellProblem;
  readonly error?: unknown;
  /** On a conflict, the value stored meanwhile (null when it no longer exists). */
  readonly current?: StoredValue | null;
}

export type SavePlan =
  | { readonly kind: 'drop' }
  | { readonly kind: 'invalid'; readonly problem: CellProblem }
  | { readonly kind: 'put'; readonly value: number; readonly version: number | undefined };

/** What saving a draft means given the value stored now, for an input of `type` read in `locale`. */
export function planSave(draft: Draft, stored: StoredValue | undefined, locale: string, type: InputType | undefined): SavePlan {
  const read = readEntry(draft.text, locale, type);
  // The API has no way to remove a value: an emptied cell must say 0.
  if (read.kind === 'empty') return stored ? { kind: 'invalid', problem: { code: 'cannotClear' } } : { kind: 'drop' };
  if (read.kind === 'invalid') return { kind: 'invalid', problem: read.problem };
  // Already what is stored (whoever stored it): nothing to write, nothing overwritten.
  if (stored && sameAmount(stored.value, read.value)) return { kind: 'drop' };
  return { kind: 'put', value: read.value, version: draft.base };
}

/** The number a cell counts for in totals: its valid draft, else the stored value. */
export function effectiveValue(draft: Draft | undefined, stored: StoredValue | undefined, locale: string, type: InputType | undefined): number | undefined {
  if (draft) {
    const read = readEntry(draft.text, locale, type);
    if (read.kind === 'number') return read.value;
  }
  return stored?.value;
}
