import { describe, expect, it } from 'vitest';
import { liveCheck } from '../findings.ts';
import { freshDraft, frozen } from '../testing.ts';
import { addPackage, renamePackageCode } from './packages.ts';
import { renameFormula, removeFormula, setFormula } from '../draft.ts';
import { addPayment, removePayment, renamePaymentCode, setPaymentAmount, setPaymentFilter, setPaymentFrequency, setPaymentName, setPaymentReads } from './payments.ts';

describe('designer payments', () => {
  it('adds a monthly payment reading nothing yet, with an empty to_pay chosen as its amount, which the check asks for', () => {
    const draft = frozen(freshDraft());
    const { draft: added, index } = addPayment(draft);
    expect(index).toBe(1);
    expect(added.payments[1]).toEqual({ code: 'new_payment', frequency: 'monthly', packages: [], formulas: { to_pay: '' }, amount: 'to_pay' });
    expect(liveCheck(added, [], 'en').findings.map((f) => f.path)).toEqual(['payments[1].packages']);
    const reading = setPaymentReads(added, 1, 'quantity', true);
    expect(liveCheck(reading, [], 'en').findings.map((f) => [f.code, f.path])).toEqual([['SYNTAX', 'payments[1].formulas.to_pay']]);
  });

  it('pays the formula chosen, which follows a rename; the check names a removed one at the payment’s amount', () => {
    const ref = { owner: 'payments', index: 0, group: 'formulas', name: 'bonus' } as const;
    let draft = frozen(setFormula(freshDraft(), ref, 'to_pay / 10'));
    draft = setPaymentAmount(draft, 0, 'bonus');
    expect(draft.payments[0]!.amount).toBe('bonus');
    expect(liveCheck(draft, [], 'en').findings).toEqual([]);
    const renamed = renameFormula(draft, ref, 'extra');
    expect(renamed.payments[0]!.amount).toBe('extra');
    expect(renameFormula(draft, { ...ref, name: 'to_pay' }, 'due').payments[0]!.amount).toBe('bonus');
    const removed = removeFormula(renamed, { ...ref, name: 'extra' });
    expect(liveCheck(removed, [], 'en').findings.map((f) => [f.path, f.message])).toEqual([
      ['payments[0].amount', "'extra' is not a formula of payment 'monthly'"],
    ]);
  });

  it('lists the packages it reads in the programme’s order', () => {
    let draft = renamePackageCode(addPackage(freshDraft()).draft, 1, 'aaa');
    draft = addPayment(draft).draft;
    draft = setPaymentReads(draft, 1, 'aaa', true);
    draft = setPaymentReads(draft, 1, 'quantity', true);
    expect(draft.payments[1]!.packages).toEqual(['quantity', 'aaa']);
    expect(setPaymentReads(draft, 1, 'quantity', false).payments[1]!.packages).toEqual(['aaa']);
    expect(setPaymentReads(draft, 1, 'aaa', true).payments[1]!.packages).toEqual(['quantity', 'aaa']);
  });

  it('sets name, frequency, filter and a new code; removes it', () => {
    const draft = frozen(freshDraft());
    let edited = setPaymentName(draft, 0, 'Monthly PBF');
    edited = setPaymentFrequency(edited, 0, 'quarterly');
    edited = setPaymentFilter(edited, 0, { type: ['cds'] });
    edited = renamePaymentCode(edited, 0, 'pbf');
    expect(edited.payments[0]).toMatchObject({ code: 'pbf', name: 'Monthly PBF', frequency: 'quarterly', appliesTo: { type: ['cds'] } });
    expect('appliesTo' in setPaymentFilter(edited, 0, undefined).payments[0]!).toBe(false);
    expect(removePayment(draft, 0).payments).toEqual([]);
    expect(draft.payments).toHaveLength(1);
  });
});
