import { describe, expect, it } from 'vitest';
import { addTable, addTableRow, setTableCell, type Draft } from '../draft.ts';
import { liveCheck } from '../findings.ts';
import { freshDraft, frozen } from '../testing.ts';
import { addTableColumn, columnProblem, removeTableColumn, setTablePackage } from './tableColumns.ts';

const withTable = (): Draft => {
  const draft = addTable(freshDraft(), { package: 'quantity', name: 'Bonus', inputs: ['activity'], outputs: ['bonus'] });
  return setTableCell(setTableCell(addTableRow(draft, 0), 0, 0, 'activity', 'delivery', 'en'), 0, 0, 'bonus', '100', 'en');
};

describe('decision-table columns', () => {
  it('adds an input column matching anything, and an output column each row must fill', () => {
    const draft = frozen(withTable());
    const input = addTableColumn(draft, 0, 'inputs', 'equity');
    expect(input.decisionTables[0]).toMatchObject({ inputs: ['activity', 'equity'], rows: [{ activity: 'delivery', bonus: 100, equity: '*' }] });
    const output = addTableColumn(draft, 0, 'outputs', 'weight');
    expect(output.decisionTables[0]!.outputs).toEqual(['bonus', 'weight']);
    expect(liveCheck(output, [], 'en').findings.map((f) => [f.path, f.message])).toEqual([['decisionTables[0].rows[0]', "missing output 'weight'"]]);
  });

  it('refuses a column twice, and an output formulas could not read', () => {
    const table = withTable().decisionTables[0]!;
    expect(columnProblem(table, 'inputs', 'activity')).toBe('taken');
    expect(columnProblem(table, 'outputs', 'bonus')).toBe('taken');
    expect(columnProblem(table, 'outputs', 'level 2')).toBe('notIdentifier');
    expect(columnProblem(table, 'inputs', 'level_2')).toBeUndefined();
    expect(columnProblem(table, 'inputs', '')).toBe('empty');
  });

  it('removes a column with its cells, and moves a table to another package', () => {
    const draft = frozen(withTable());
    const removed = removeTableColumn(draft, 0, 'activity');
    expect(removed.decisionTables[0]).toMatchObject({ inputs: [], outputs: ['bonus'], rows: [{ bonus: 100 }] });
    expect(setTablePackage(draft, 0, 'other').decisionTables[0]!.package).toBe('other');
    expect(liveCheck(setTablePackage(draft, 0, 'other'), [], 'en').findings.map((f) => f.path)).toEqual(['decisionTables[0].package']);
  });
});
