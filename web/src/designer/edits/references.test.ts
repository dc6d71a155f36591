import { describe, expect, it } from 'vitest';
import { renameInFormulas, renameReferences } from './references.ts';

const renames = (pairs: Record<string, string>) => (name: string) => pairs[name];

describe('renaming the names formulas read', () => {
  it('replaces whole names only and keeps the text as typed', () => {
    const rename = renames({ verified: 'checked', verified_is_null: 'checked_is_null' });
    expect(renameReferences('IF(verified_is_null,0,  verified * tariff)', rename)).toBe('IF(checked_is_null,0,  checked * tariff)');
    expect(renameReferences('verified_count + unverified', rename)).toBe('verified_count + unverified');
    expect(renameReferences('quantity.total + quantity_2.total', renames({ 'quantity.total': 'pma.total' }))).toBe('pma.total + quantity_2.total');
  });

  it('leaves a formula it cannot read alone', () => {
    expect(renameReferences('verified # 2', renames({ verified: 'checked' }))).toBe('verified # 2');
    // Unbalanced but readable token by token: the names still follow.
    expect(renameReferences('ABS(verified', renames({ verified: 'checked' }))).toBe('ABS(checked');
  });

  it('gives back the same group when nothing changes', () => {
    const formulas = { a: 'x + 1', b: 'y' };
    expect(renameInFormulas(formulas, renames({ z: 'w' }))).toBe(formulas);
    expect(renameInFormulas(formulas, renames({ y: 'w' }))).toEqual({ a: 'x + 1', b: 'w' });
    expect(renameInFormulas(undefined, renames({ y: 'w' }))).toBeUndefined();
  });
});
