import { describe, expect, it } from 'vitest';
import { contentOf, contentParams, parseStoredValue, parseStoredValues, sameContent } from './columns.ts';

describe('a value’s columns on the data-entry path', () => {
  it('take a content without the other fields of a row or a stored value', () => {
    const row = { row: 3, orgUnit: 'cds_0001', period: '202611', activity: 'consultation', state: 'declared', value: 12.5, package: 'pma' };
    expect(contentOf(row)).toEqual({ value: 12.5 });
  });

  it('say two contents are the same only when every column is', () => {
    expect(sameContent({ value: 4 }, { value: 4 })).toBe(true);
    expect(sameContent({ value: 4 }, { value: 4.0001 })).toBe(false);
  });

  it('give the guarded write each column as one array, numbers as their exact text', () => {
    expect(contentParams([{ value: 1 }, { value: 0.1 }, { value: 1e21 }])).toEqual({ values: ['1', '0.1', '1000000000000000000000'] });
  });

  it('read a value back from its tuple, with or without its author', () => {
    const written = Date.UTC(2026, 10, 3, 8, 30, 0, 999);
    expect(parseStoredValue('cds_0001', '202611', JSON.stringify(['consultation', 'declared', 7, 2, written, 5, 'clerk', 'A Clerk']))).toEqual({
      orgUnit: 'cds_0001',
      period: '202611',
      activity: 'consultation',
      state: 'declared',
      value: 7,
      version: 2,
      updatedBy: { id: 5, username: 'clerk', name: 'A Clerk' },
      updatedAt: new Date(written),
    });
    const [alone] = parseStoredValues('cds_0001', '202611', JSON.stringify([['vaccination', 'verified', 3, 1, written, null, null, null]]));
    expect(alone).toMatchObject({ activity: 'vaccination', state: 'verified', value: 3, updatedBy: null });
  });

  it('read a unit and period without values as none', () => {
    expect(parseStoredValues('cds_0001', '202611', null)).toEqual([]);
  });
});
