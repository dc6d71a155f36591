import { describe, expect, it } from 'vitest';
import { FIELD_VERSION } from '../../../test/support/field.ts';
import { PENALTY_VERSION } from '../../../test/support/penalties.ts';
import { FacilityRules, type Entry, type Facility } from '../field/compute.ts';
import { committeeFigures } from './committeeFigures.ts';

const facility: Facility = { id: 'cds_1', path: '/bi/p1/d1/cds_1/', groups: { type: 'cds', equity: 'cat1' }, attributes: {} };
const value = (activity: string, state: string, amount: number, period = '202402'): Entry => ({ period, activity, state, value: amount });
const entries = [
  value('consultation', 'declared', 100),
  value('consultation', 'verified', 98),
  value('delivery', 'declared', 10),
  value('delivery', 'verified', 8),
  value('vaccination', 'declared', 30),
  value('vaccination', 'verified', 30),
];

describe('the committee’s figures before it locks a package', () => {
  const rules = new FacilityRules(PENALTY_VERSION, facility, 'en');

  it('counts the lines beyond tolerance, what they lose and what the month’s payment pays, on the verified figures where none was validated', () => {
    const figures = committeeFigures(rules, 'quantity', '202402', entries, 0, 'en');
    expect(figures.errors).toEqual([]);
    expect(figures.declared).toBe(true);
    expect(figures.totals).toEqual({ breaches: 1, lost: '72000.00' });
    expect(figures.penalties.get('delivery')).toEqual({ activity: 'delivery', breach: true, lost: '72000.00', gap: 0.25, tolerance: 0.1 });
    expect(figures.penalties.get('consultation')?.breach).toBe(false);
    expect(figures.payments).toEqual([{ code: 'monthly', name: undefined, amount: '36500' }]);
  });

  it('pays the committee’s own figure where it entered one', () => {
    const figures = committeeFigures(rules, 'quantity', '202402', [...entries, value('consultation', 'validated', 90)], 0, 'en');
    expect(figures.payments[0]!.amount).toBe(String(90 * 250 + 30 * 400));
  });

  it('shows no payment for a quarter, and no penalty where the rules declare none', () => {
    expect(committeeFigures(rules, 'quality', '2024Q1', [], 0, 'en').payments).toEqual([]);
    const undeclared = committeeFigures(new FacilityRules(FIELD_VERSION, facility, 'en'), 'quantity', '202402', entries, 0, 'en');
    expect(undeclared).toMatchObject({ declared: false, totals: { breaches: 0, lost: '0.00' }, payments: [{ amount: '36500' }] });
    expect(undeclared.penalties.size).toBe(0);
  });

  it('adds up a checklist’s points obtained and available, an item not applicable left out, and its score, as the engine computes them', () => {
    const quarter = (activity: string, state: string, amount: number) => value(activity, state, amount, '2024Q3');
    const checklist = [quarter('hygiene', 'points', 8), quarter('records', 'points', 25), quarter('maternity', 'points', 12), quarter('maternity', 'applicable', 0), quarter('pharmacy', 'points', 5)];
    const figures = committeeFigures(new FacilityRules(FIELD_VERSION, facility, 'en'), 'quality', '2024Q3', checklist, 0, 'en');
    // records is capped at its 20 points; maternity, not applicable, leaves both sums.
    expect(figures.checklist).toMatchObject({ obtained: 33, available: 35, score: 33 / 35 });
    expect(figures.checklist?.items.get('records')).toEqual({ obtained: 20, available: 20 });
    expect(figures.checklist?.items.get('maternity')).toEqual({ obtained: 0, available: 0 });
    expect(committeeFigures(rules, 'quantity', '202402', entries, 0, 'en').checklist).toBeUndefined();
  });
});
