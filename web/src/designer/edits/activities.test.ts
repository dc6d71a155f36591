import { describe, expect, it } from 'vitest';
import { addConstant, addTable, addTableRow, setTableCell } from '../draft.ts';
import { freshDraft, frozen } from '../testing.ts';
import { addActivity, removeActivity, renameActivityCode, setActivityName } from './activities.ts';
import { addPackage } from './packages.ts';

describe('designer activities', () => {
  it('adds an activity with every constant of its package at 0', () => {
    const draft = frozen(addConstant(freshDraft(), 0, 'weight'));
    const { draft: added, index } = addActivity(draft, 0);
    expect(index).toBe(2);
    expect(added.packages[0]!.activities[2]).toEqual({ code: 'new_activity', constants: { tariff: 0, weight: 0 } });
    expect(addActivity(added, 0).draft.packages[0]!.activities[3]!.code).toBe('new_activity_2');
    expect(addActivity(addPackage(draft).draft, 1).draft.packages[1]!.activities).toEqual([{ code: 'new_activity' }]);
  });

  it('names an activity, and removes it with its constants', () => {
    const draft = frozen(freshDraft());
    const named = setActivityName(draft, 0, 1, 'Assisted delivery');
    expect(named.packages[0]!.activities[1]).toEqual({ code: 'delivery', name: 'Assisted delivery', constants: { tariff: 9000 } });
    expect('name' in setActivityName(named, 0, 1, '').packages[0]!.activities[1]!).toBe(false);
    expect(removeActivity(draft, 0, 0).packages[0]!.activities.map((a) => a.code)).toEqual(['delivery']);
  });

  it('renames a new activity in the activity cells of its package’s tables only', () => {
    let draft = addActivity(freshDraft(), 0).draft;
    draft = addTable(draft, { package: 'quantity', name: 'A', inputs: ['activity'], outputs: ['bonus'] });
    draft = addTable(draft, { package: 'other', name: 'B', inputs: ['activity'], outputs: ['bonus'] });
    draft = setTableCell(addTableRow(addTableRow(draft, 0), 0), 0, 0, 'activity', 'new_activity', 'en');
    draft = setTableCell(addTableRow(draft, 1), 1, 0, 'activity', 'new_activity', 'en');
    const renamed = renameActivityCode(frozen(draft), 0, 2, 'bcg');
    expect(renamed.packages[0]!.activities[2]!.code).toBe('bcg');
    expect(renamed.decisionTables[0]!.rows).toEqual([{ activity: 'bcg' }, { activity: '*' }]);
    expect(renamed.decisionTables[1]).toBe(draft.decisionTables[1]);
    expect(renameActivityCode(draft, 0, 2, 'new_activity')).toBe(draft);
  });
});
