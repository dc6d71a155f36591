import { LexError, tokenize } from '../../../../src/engine/formula/lexer.ts';

/** The new spelling of a whole name as the lexer reads it (`verified`, `quantity.total`), if it changes. */
export type Rename = (name: string) => string | undefined;

/**
 * A formula with names replaced, token by token; spacing and everything else stay exactly
 * as typed. A formula the lexer cannot read is returned as it is: the check already
 * reports it, and a guess could make it worse.
 */
export function renameReferences(text: string, rename: Rename): string {
  let tokens;
  try {
    tokens = tokenize(text);
  } catch (error) {
    if (error instanceof LexError) return text;
    throw error;
  }
  let result = '';
  let at = 0;
  for (const token of tokens) {
    const renamed = token.type === 'name' ? rename(token.text) : undefined;
    if (renamed === undefined) continue;
    result += text.slice(at, token.start) + renamed;
    at = token.end;
  }
  return result + text.slice(at);
}

/** Every formula of a group with its references renamed; the same object when none changes. */
export function renameInFormulas<T extends Record<string, string> | undefined>(formulas: T, rename: Rename): T {
  if (!formulas) return formulas;
  let changed = false;
  const next = Object.fromEntries(
    Object.entries(formulas).map(([name, text]) => {
      const renamed = renameReferences(text, rename);
      if (renamed !== text) changed = true;
      return [name, renamed];
    }),
  );
  return changed ? (next as T) : formulas;
}
