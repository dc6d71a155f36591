import type { StoredValue } from './api.ts';
import { parseEntry, sameAmount, type EntryProblem } from './numbers.ts';

/**
 * What a cell being edited holds: the text typed, the version of the value the clerk saw
 * when starting to type (a write goes only over that version, so a value changed meanwhile
 * comes back as a conflict and is never overwritten), and where its saving stands.
 */
export interface Draft {
  readonly text: string;
  readonly base: number | undefined;
  readonly phase: 'editing' | 'saving' | 'invalid' | 'failed' | 'conflict';
  readonly problem?: EntryProblem | 'cannotClear';
  readonly error?: unknown;
  /** On a conflict, the value stored meanwhile (null when it no longer exists). */
  readonly current?: StoredValue | null;
}

export type SavePlan =
  | { readonly kind: 'drop' }
  | { readonly kind: 'invalid'; readonly problem: EntryProblem | 'cannotClear' }
  | { readonly kind: 'put'; readonly value: number; readonly version: number | undefined };

/** What saving a draft means given the value stored now. */
export function planSave(draft: Draft, stored: StoredValue | undefined, locale: string): SavePlan {
  const parsed = parseEntry(draft.text, locale);
  // The API has no way to remove a value: an emptied cell must say 0.
  if ('empty' in parsed) return stored ? { kind: 'invalid', problem: 'cannotClear' } : { kind: 'drop' };
  if ('problem' in parsed) return { kind: 'invalid', problem: parsed.problem };
  // Already what is stored (whoever stored it): nothing to write, nothing overwritten.
  if (stored && sameAmount(stored.value, parsed.value)) return { kind: 'drop' };
  return { kind: 'put', value: parsed.value, version: draft.base };
}

/** The number a cell counts for in totals: its valid draft, else the stored value. */
export function effectiveValue(draft: Draft | undefined, stored: StoredValue | undefined, locale: string): number | undefined {
  if (draft) {
    const parsed = parseEntry(draft.text, locale);
    if ('value' in parsed) return parsed.value;
  }
  return stored?.value;
}
