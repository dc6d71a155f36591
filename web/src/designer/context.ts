import { createContext, useContext } from 'react';
import type { Draft } from './draft.ts';
import type { Finding } from './findings.ts';
import type { SavedCodes } from './saved.ts';

/** What every part of the programme editor needs: the findings by place and how to edit. */
export interface EditorState {
  readonly readOnly: boolean;
  /** The programme as shown: the draft, or a saved version read-only. */
  readonly draft: Draft;
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** The codes of the version the draft started from, which stay as they are. */
  readonly saved: SavedCodes;
  /** Applies an edit to the latest draft (updates compose when several happen at once). */
  edit(update: (draft: Draft) => Draft): void;
  /** The findings an edit would add, checked before making it: removals show them first. */
  consequences(update: (draft: Draft) => Draft): Finding[];
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside EditorContext');
  return editor;
}

/** An element id from a draft path (`packages[0].formulas.total` → `f-packages-0-formulas-total`). */
export function idFor(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`;
}
