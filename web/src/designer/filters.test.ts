import { describe, expect, it } from 'vitest';
import { filterText, parseFilter } from './filters.ts';

describe('group filters as one line', () => {
  it('reads and writes `groupset: groups; …`', () => {
    expect(parseFilter(' type: cds, hd ; equity:cat1 ')).toEqual({ filter: { type: ['cds', 'hd'], equity: ['cat1'] } });
    expect(filterText({ type: ['cds', 'hd'], equity: ['cat1'] })).toBe('type: cds, hd; equity: cat1');
    expect(parseFilter(filterText({ type: ['cds'] }))).toEqual({ filter: { type: ['cds'] } });
  });

  it('reads an empty line as every unit', () => {
    expect(parseFilter('  ')).toEqual({ filter: undefined });
    expect(parseFilter(';')).toEqual({ filter: undefined });
    expect(filterText(undefined)).toBe('');
  });

  it('says which part it cannot read', () => {
    expect(parseFilter('type: cds; equity')).toEqual({ problem: 'noColon', part: 'equity' });
    expect(parseFilter(': cds')).toEqual({ problem: 'noGroupset', part: ': cds' });
    expect(parseFilter('type: ,')).toEqual({ problem: 'noGroups', part: 'type: ,' });
    expect(parseFilter('type: cds; type: hd')).toEqual({ problem: 'repeated', part: 'type: hd' });
  });
});
