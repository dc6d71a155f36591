import { describe, expect, it } from 'vitest';
import { diffTree, type StoredUnit } from './treeDiff.ts';
import type { UnitRecordInput } from '../../contract/api/orgUnits.ts';
import { completeRecord } from './unitRecord.ts';

const stored: StoredUnit[] = [
  { ...completeRecord({ id: 'bi', name: 'Burundi' }), level: 1, path: '/bi/' },
  { ...completeRecord({ id: 'p1', parent: 'bi' }), level: 2, path: '/bi/p1/' },
  { ...completeRecord({ id: 'd1', parent: 'p1' }), level: 3, path: '/bi/p1/d1/' },
  { ...completeRecord({ id: 'cds_1', parent: 'd1' }), level: 4, path: '/bi/p1/d1/cds_1/' },
  { ...completeRecord({ id: 'p2', parent: 'bi' }), level: 2, path: '/bi/p2/' },
];
const tree = (...units: UnitRecordInput[]) => units.map(completeRecord);
const same = stored.map(({ level: _l, path: _p, ...unit }) => unit);

describe('diffTree', () => {
  it('finds nothing to do for the stored tree, in any order', () => {
    const result = diffTree(stored, [...same].reverse());
    expect('diff' in result && result.diff).toEqual({ changes: [], rows: [], displaced: [] });
  });

  it('moves a district with everything under it, rewriting the paths below', () => {
    const result = diffTree(stored, same.map((unit) => (unit.id === 'd1' ? { ...unit, parent: 'p2' } : unit)));
    if (!('diff' in result)) throw new Error(JSON.stringify(result.problems));
    expect(result.diff.changes).toEqual([{ id: 'd1', change: 'move', fields: ['parent'], before: same[2], after: { ...same[2], parent: 'p2' } }]);
    expect(result.diff.rows.map((row) => row.path)).toEqual(['/bi/p2/d1/', '/bi/p2/d1/cds_1/']);
    expect(result.diff.displaced).toEqual([{ id: 'd1', change: 'move', ids: ['d1', 'cds_1'] }]);
  });

  it('adds, renames and removes unit by unit', () => {
    const result = diffTree(stored, [...same.filter((unit) => unit.id !== 'p2').map((unit) => (unit.id === 'p1' ? { ...unit, name: 'Ngozi' } : unit)), ...tree({ id: 'cds_2', parent: 'd1' })]);
    if (!('diff' in result)) throw new Error('invalid');
    expect(result.diff.changes.map((change) => `${change.change} ${change.id} ${change.fields.join(',')}`)).toEqual(['update p1 name', 'add cds_2 ', 'remove p2 ']);
  });

  it('refuses two roots, unsafe ids, cycles and a unit closed before it opens, naming each', () => {
    const result = diffTree(stored, tree({ id: 'a' }, { id: 'b' }, { id: 'c/d', parent: 'a' }, { id: 'e', parent: 'a', validFrom: '2024-02-01', validTo: '2024-01-31' }));
    expect('problems' in result && result.problems.map((problem) => problem.at)).toEqual(['units', 'units[2].id', 'units[3].validTo']);
    const cycle = diffTree(stored, tree({ id: 'a', parent: 'b' }, { id: 'b', parent: 'a' }));
    expect('problems' in cycle && cycle.problems[0]!.message).toContain('its own ancestor');
  });
});
