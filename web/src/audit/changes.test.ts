import { describe, expect, it } from 'vitest';
import { fieldChanges } from './changes.ts';

describe('fieldChanges', () => {
  it('lists only the fields that changed, as dotted fields', () => {
    const before = { name: 'CDS Kuziye', groups: { type: 'cds', equity: 'cat1' }, validTo: null };
    const after = { name: 'CDS Kuziye II', groups: { type: 'cds', equity: 'cat2' }, validTo: null };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'name', before: 'CDS Kuziye', after: 'CDS Kuziye II' },
      { field: 'groups.equity', before: 'cat1', after: 'cat2' },
    ]);
  });

  it('reads a creation as fields without a before, and a removal as fields without an after', () => {
    expect(fieldChanges(null, { share: 0.25, funderId: 'eu' })).toEqual([
      { field: 'share', after: 0.25 },
      { field: 'funderId', after: 'eu' },
    ]);
    expect(fieldChanges({ role: 'clerk' }, null)).toEqual([{ field: 'role', before: 'clerk' }]);
  });

  it('keeps a single value as one change without a field, and a list of plain values as one value', () => {
    expect(fieldChanges(12, 14)).toEqual([{ field: '', before: 12, after: 14 }]);
    expect(fieldChanges(null, { quarters: ['2023Q1', '2023Q2'] })).toEqual([{ field: 'quarters', after: ['2023Q1', '2023Q2'] }]);
  });

  it('reads a list of records by position', () => {
    expect(fieldChanges({ lines: [{ amount: 1 }] }, { lines: [{ amount: 2 }] })).toEqual([{ field: 'lines[1].amount', before: 1, after: 2 }]);
  });

  it('finds nothing when nothing changed', () => {
    expect(fieldChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
