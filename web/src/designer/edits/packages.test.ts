import { describe, expect, it } from 'vitest';
import { liveCheck } from '../findings.ts';
import { addTable, addTableRow, setFormula, setTableCell } from '../draft.ts';
import { freshDraft, frozen } from '../testing.ts';
import { addActivity, renameActivityCode, setActivityName } from './activities.ts';
import { addInput, renameInput, setInputType } from './inputs.ts';
import {
  addPackage,
  removePackage,
  renamePackageCode,
  setPackageFilter,
  setPackageFrequency,
  setPackageKind,
  setPackageText,
  takenCodes,
} from './packages.ts';
import { addPayment, renamePaymentCode, setPaymentReads } from './payments.ts';

describe('designer packages', () => {
  it('adds an empty monthly package with a code no package or payment has', () => {
    const draft = frozen(freshDraft());
    const { draft: added, index } = addPackage(draft);
    expect(index).toBe(1);
    expect(added.packages[1]).toEqual({ code: 'new_package', frequency: 'monthly', inputs: [], activities: [], activityFormulas: {}, formulas: {} });
    expect(added.packages[0]).toBe(draft.packages[0]);
    expect(addPackage(added).draft.packages[2]!.code).toBe('new_package_2');
    const clash = addPayment(addPackage(draft).draft).draft;
    expect(takenCodes(renamePaymentCode(clash, 1, 'new_package_2'))).toContain('new_package_2');
    expect(addPackage(renamePaymentCode(clash, 1, 'new_package_2')).draft.packages[2]!.code).toBe('new_package_3');
    expect(liveCheck(added, [], 'en').findings).toEqual([]);
  });

  it('sets its name, description, frequency, kind and filters, leaving out what is empty', () => {
    const draft = frozen(freshDraft());
    let edited = setPackageText(draft, 0, 'name', 'Quantité');
    edited = setPackageText(edited, 0, 'description', 'PMA');
    edited = setPackageFrequency(edited, 0, 'quarterly');
    edited = setPackageKind(edited, 0, 'zone');
    edited = setPackageFilter(edited, 0, 'targets', { type: ['cds'] });
    expect(edited.packages[0]).toMatchObject({ name: 'Quantité', description: 'PMA', frequency: 'quarterly', kind: 'zone', targets: { type: ['cds'] } });
    expect('name' in setPackageText(edited, 0, 'name', '').packages[0]!).toBe(false);
    expect('appliesTo' in setPackageFilter(draft, 0, 'appliesTo', undefined).packages[0]!).toBe(false);
    // Back to single: the targets stay, and the check says they do not belong.
    const single = setPackageKind(edited, 0, 'single');
    expect(single.packages[0]!.targets).toEqual({ type: ['cds'] });
    expect(liveCheck(single, [], 'en').findings.map((f) => f.path)).toEqual(['packages[0].targets']);
  });

  it('renames a new package everywhere the programme names it', () => {
    let draft = addPackage(freshDraft()).draft;
    draft = addTable(draft, { package: 'new_package', name: 'Tariffs', inputs: ['activity'], outputs: ['tariff'] });
    draft = addPayment(draft).draft;
    draft = setPaymentReads(draft, 1, 'new_package', true);
    draft = setFormula(draft, { owner: 'payments', index: 1, group: 'formulas', name: 'to_pay' }, 'new_package.total + quantity.total + new_package_x.total');
    const renamed = renamePackageCode(frozen(draft), 1, 'vaccination');
    expect(renamed.packages[1]!.code).toBe('vaccination');
    expect(renamed.decisionTables[0]!.package).toBe('vaccination');
    expect(renamed.payments[1]!.packages).toEqual(['vaccination']);
    expect(renamed.payments[1]!.formulas.to_pay).toBe('vaccination.total + quantity.total + new_package_x.total');
    expect(renamed.payments[0]).toBe(draft.payments[0]);
    expect(renamePackageCode(draft, 1, 'new_package')).toBe(draft);
  });

  it('removes a package and leaves what reads it for the check to show', () => {
    const removed = removePackage(frozen(freshDraft()), 0);
    expect(removed.packages).toEqual([]);
    expect(removed.payments[0]!.packages).toEqual(['quantity']);
    expect(liveCheck(removed, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([['SCHEMA', 'payments[0].packages[0]']]);
  });

  it('builds a package, its table and its payment from nothing into a programme that checks clean', () => {
    let draft = addPackage(freshDraft()).draft;
    draft = renamePackageCode(draft, 1, 'vaccination');
    draft = setPackageText(draft, 1, 'name', 'Vaccination');
    draft = renameInput(addInput(draft, 1).draft, 1, 0, 'vaccinated');
    draft = setInputType(draft, 1, 'vaccinated', 'count');
    draft = renameActivityCode(addActivity(draft, 1).draft, 1, 0, 'bcg');
    draft = setActivityName(draft, 1, 0, 'BCG');
    draft = setFormula(draft, { owner: 'packages', index: 1, group: 'activityFormulas', name: 'amount' }, 'vaccinated * tariff');
    expect(liveCheck(draft, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([['UNKNOWN_NAME', 'packages[1].activityFormulas.amount']]);
    draft = addTable(draft, { package: 'vaccination', name: 'Tarifs', inputs: ['activity'], outputs: ['tariff'] });
    draft = setTableCell(setTableCell(addTableRow(draft, 0), 0, 0, 'activity', 'bcg', 'en'), 0, 0, 'tariff', '500', 'en');
    draft = setFormula(draft, { owner: 'packages', index: 1, group: 'formulas', name: 'total' }, 'SUM(amount)');
    draft = addPayment(draft).draft;
    expect(liveCheck(draft, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([['SCHEMA', 'payments[1].packages']]);
    draft = setPaymentReads(draft, 1, 'vaccination', true);
    draft = setFormula(draft, { owner: 'payments', index: 1, group: 'formulas', name: 'to_pay' }, 'vaccination.total');
    expect(liveCheck(draft, [], 'en').findings).toEqual([]);
    expect(draft.packages[1]).toEqual({
      code: 'vaccination',
      name: 'Vaccination',
      frequency: 'monthly',
      inputs: ['vaccinated'],
      inputTypes: { vaccinated: 'count' },
      activities: [{ code: 'bcg', name: 'BCG' }],
      activityFormulas: { amount: 'vaccinated * tariff' },
      formulas: { total: 'SUM(amount)' },
    });
  });
});
