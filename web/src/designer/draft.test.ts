import { describe, expect, it } from 'vitest';
import { PROGRAMME_DEFINITION } from '../../../test/support/api.ts';
import {
  addConstant,
  addFormula,
  addTable,
  addTableRow,
  cellText,
  constantNames,
  parseCell,
  removeConstant,
  removeFormula,
  removeTable,
  removeTableRow,
  renameFormula,
  renameProblem,
  setConstant,
  setFormula,
  setTableCell,
  setTableName,
  setTablePeriod,
  splitNames,
  toDraft,
  type Draft,
  type FormulaRef,
} from './draft.ts';
import { freshDraft, frozen } from './testing.ts';

const fresh = freshDraft;
const withTable = (): Draft =>
  addTableRow(addTableRow(addTable(fresh(), { package: 'quantity', name: 'Tariffs', inputs: ['activity'], outputs: ['bonus'] }), 0), 0);

const amount: FormulaRef = { owner: 'packages', index: 0, group: 'activityFormulas', name: 'amount' };

describe('designer draft', () => {
  it('copies a stored definition without the version label the store sets', () => {
    const stored = { ...PROGRAMME_DEFINITION, version: '3' };
    const draft = toDraft(stored);
    expect('version' in draft).toBe(false);
    expect(draft.packages[0]).not.toBe(stored.packages[0]);
    expect(toDraft({ code: 'x', currency: 'BIF' })).toMatchObject({ packages: [], decisionTables: [], payments: [] });
  });

  it('edits formulas without touching the original', () => {
    const draft = frozen(fresh());
    const edited = setFormula(draft, amount, 'paid * tariff * 2');
    expect(edited.packages[0]!.activityFormulas!.amount).toBe('paid * tariff * 2');
    expect(draft.packages[0]!.activityFormulas!.amount).toBe('paid * tariff');
    expect(edited.payments).toBe(draft.payments);
    const payment = setFormula(draft, { owner: 'payments', index: 0, group: 'formulas', name: 'to_pay' }, 'ROUND(quantity.total)');
    expect(payment.payments[0]!.formulas.to_pay).toBe('ROUND(quantity.total)');
    expect(payment.packages).toBe(draft.packages);
    expect(() => setFormula(draft, { ...amount, index: 5 }, 'x')).toThrow(RangeError);
  });

  it('renames a formula in place and refuses a name that would overwrite another', () => {
    const draft = frozen(fresh());
    const renamed = renameFormula(draft, { ...amount, name: 'paid' }, 'paid_amount');
    expect(Object.keys(renamed.packages[0]!.activityFormulas!)).toEqual(['gap', 'paid_amount', 'amount']);
    expect(renameProblem(draft, amount, 'gap')).toBe('taken');
    expect(renameProblem(draft, amount, 'amount')).toBeUndefined();
    expect(renameProblem(draft, amount, '')).toBe('empty');
    expect(renameProblem(draft, amount, '2x')).toBe('notIdentifier');
    expect(renameProblem(draft, amount, 'not')).toBe('notIdentifier');
    expect(() => renameFormula(draft, amount, 'gap')).toThrow();
    expect(renameFormula(draft, amount, 'amount')).toBe(draft);
  });

  it('adds formulas with unused names and removes them', () => {
    const draft = frozen(fresh());
    const group = { owner: 'packages', index: 0, group: 'zoneFormulas' } as const;
    const first = addFormula(draft, group);
    const second = addFormula(first.draft, group);
    expect([first.name, second.name]).toEqual(['new_formula', 'new_formula_2']);
    expect(second.draft.packages[0]!.zoneFormulas).toEqual({ new_formula: '', new_formula_2: '' });
    const removed = removeFormula(draft, amount);
    expect(Object.keys(removed.packages[0]!.activityFormulas!)).toEqual(['gap', 'paid']);
  });

  it('reads typed cells as numbers in the designer’s language when they are one', () => {
    expect(parseCell(' 250 ', 'fr')).toBe(250);
    expect(parseCell('2,5', 'fr')).toBe(2.5);
    expect(parseCell('-0.25', 'en')).toBe(-0.25);
    expect(parseCell('1 000', 'fr')).toBe(1000);
    expect(parseCell('1,500', 'en')).toBe(1500);
    expect(parseCell('', 'en')).toBeUndefined();
    expect(parseCell('abc', 'en')).toBe('abc');
    // Not read as one number or another: left as typed, for the checks to say a number is expected.
    expect(parseCell('1,5', 'en')).toBe('1,5');
    expect(parseCell('1e3', 'en')).toBe('1e3');
    expect(cellText(2.5, 'fr')).toBe('2,5');
    expect(cellText(250, 'en')).toBe('250');
    expect(cellText(undefined, 'en')).toBe('');
    expect(splitNames(' activity, equity ,, ')).toEqual(['activity', 'equity']);
  });

  it('edits activity constants, adding and removing them across activities', () => {
    const draft = frozen(fresh());
    const edited = setConstant(draft, 0, 1, 'tariff', '9500', 'en');
    expect(edited.packages[0]!.activities[1]!.constants).toEqual({ tariff: 9500 });
    expect(edited.packages[0]!.activities[0]).toBe(draft.packages[0]!.activities[0]);
    expect(setConstant(draft, 0, 0, 'tariff', 'x', 'en').packages[0]!.activities[0]!.constants!.tariff).toBe('x');
    expect(setConstant(draft, 0, 0, 'tariff', '', 'en').packages[0]!.activities[0]!.constants).toEqual({});
    const added = addConstant(draft, 0, 'weight');
    expect(added.packages[0]!.activities.map((a) => a.constants)).toEqual([
      { tariff: 250, weight: 0 },
      { tariff: 9000, weight: 0 },
    ]);
    expect(constantNames(added.packages[0]!)).toEqual(['tariff', 'weight']);
    expect(constantNames(removeConstant(added, 0, 'tariff').packages[0]!)).toEqual(['weight']);
  });

  it('edits decision tables: rows, cells, periods, name', () => {
    const draft = frozen(withTable());
    expect(draft.decisionTables[0]).toMatchObject({ package: 'quantity', name: 'Tariffs', inputs: ['activity'], outputs: ['bonus'] });
    expect(draft.decisionTables[0]!.rows).toEqual([{ activity: '*' }, { activity: '*' }]);
    let edited = setTableCell(draft, 0, 0, 'activity', ' consultation ', 'fr');
    edited = setTableCell(edited, 0, 0, 'bonus', '12,5', 'fr');
    edited = setTableCell(edited, 0, 1, 'activity', '', 'fr');
    expect(edited.decisionTables[0]!.rows).toEqual([{ activity: 'consultation', bonus: 12.5 }, {}]);
    expect(setTableCell(edited, 0, 0, 'bonus', '', 'fr').decisionTables[0]!.rows[0]).toEqual({ activity: 'consultation' });
    const inserted = addTableRow(edited, 0, 0);
    expect(inserted.decisionTables[0]!.rows).toEqual([{ activity: 'consultation', bonus: 12.5 }, { activity: '*' }, {}]);
    expect(removeTableRow(inserted, 0, 0).decisionTables[0]!.rows).toEqual([{ activity: '*' }, {}]);
    const periods = setTablePeriod(setTablePeriod(draft, 0, 'from', ' 202501 '), 0, 'to', '2025Q4');
    expect(periods.decisionTables[0]).toMatchObject({ from: '202501', to: '2025Q4' });
    expect('from' in setTablePeriod(periods, 0, 'from', '').decisionTables[0]!).toBe(false);
    expect(setTableName(draft, 0, 'Bonus').decisionTables[0]!.name).toBe('Bonus');
    expect('name' in setTableName(draft, 0, '').decisionTables[0]!).toBe(false);
    expect(removeTable(draft, 0).decisionTables).toEqual([]);
    expect(draft.decisionTables[0]!.rows).toHaveLength(2);
  });
});
