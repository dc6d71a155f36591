import { describe, expect, it } from 'vitest';
import { FIELD_VERSION } from '../../../test/support/field.ts';
import { PENALTY_VERSION } from '../../../test/support/penalties.ts';
import { FacilityRules, facilityTree, lossesOf, type Entry, type Facility } from './compute.ts';

const facility: Facility = { id: 'cds_1', path: '/bi/p1/d1/cds_1/', groups: { type: 'cds', equity: 'cat1' }, attributes: {} };
const rules = new FacilityRules(FIELD_VERSION, facility, 'en');
const value = (activity: string, state: string, amount: number, period = '202407'): Entry => ({ period, activity, state, value: amount });

describe('the programme’s formulas run at one facility in the browser', () => {
  it('builds the facility’s ancestry, declaring attributes it lacks on the root', () => {
    expect(facilityTree({ ...facility, attributes: { beds: 12 } }, ['beds', 'quarterly_budget'])).toEqual([
      { id: 'bi', attributes: { quarterly_budget: 0 } },
      { id: 'p1', parent: 'bi' },
      { id: 'd1', parent: 'p1' },
      { id: 'cds_1', parent: 'd1', groups: { type: 'cds', equity: 'cat1' }, attributes: { beds: 12 } },
    ]);
  });

  it('computes each line and what a discrepancy beyond the tolerance costs', () => {
    const entries = [
      value('consultation', 'declared', 100),
      value('consultation', 'verified', 98),
      value('delivery', 'declared', 10),
      value('delivery', 'verified', 8),
      value('vaccination', 'declared', 30),
    ];
    const computed = rules.compute('quantity', '202407', entries, 'en');
    if (!('figures' in computed)) throw new Error(computed.errors.join('\n'));
    expect(computed.figures.activity('delivery', 'gap')).toBe(0.25);
    expect(computed.figures.activity('consultation', 'amount')).toBe(98 * 250);
    expect(computed.figures.formula('total')).toBe(98 * 250);
    const losses = lossesOf(rules, rules.package('quantity')!, '202407', entries, 'amount', 'en')!;
    expect(losses.get('consultation')).toEqual({ amount: 24_500, loss: 0 });
    expect(losses.get('delivery')).toEqual({ amount: 0, loss: 72_000 });
    expect(losses.get('vaccination')).toEqual({ amount: 0, loss: 0 });
  });

  it('computes as the committee will lock: the verified figure stands for a validated one not entered', () => {
    const committee = new FacilityRules(PENALTY_VERSION, facility, 'en');
    const entries = [value('consultation', 'declared', 100), value('consultation', 'verified', 98), value('delivery', 'declared', 10), value('delivery', 'verified', 8)];
    const computed = committee.compute('quantity', '202407', entries, 'en');
    if (!('figures' in computed)) throw new Error(computed.errors.join('\n'));
    expect(computed.figures.activity('consultation', 'amount')).toBe(98 * 250);
    expect(computed.figures.activity('delivery', 'beyond_tolerance')).toBe(1);
    expect(computed.figures.activity('delivery', 'amount_lost')).toBe(8 * 9000);
    const losses = lossesOf(committee, committee.package('quantity')!, '202407', entries, 'amount', 'en')!;
    expect(losses.get('delivery')).toEqual({ amount: 0, loss: 72_000 });
    // The committee's own figure, where it entered one, is what is paid.
    const retained = committee.compute('quantity', '202407', [...entries, value('consultation', 'validated', 90)], 'en');
    expect('figures' in retained && retained.figures.activity('consultation', 'amount')).toBe(90 * 250);
  });

  it('scores a quality checklist with an item not applicable', () => {
    const entries = [
      value('hygiene', 'points', 8, '2024Q3'),
      value('records', 'points', 15, '2024Q3'),
      value('maternity', 'applicable', 0, '2024Q3'),
      value('pharmacy', 'points', 5, '2024Q3'),
    ];
    const computed = rules.compute('quality', '2024Q3', entries, 'en');
    if (!('figures' in computed)) throw new Error(computed.errors.join('\n'));
    expect(computed.figures.activity('maternity', 'available')).toBe(0);
    expect(computed.figures.formula('score')).toBeCloseTo(28 / 35, 12);
    expect(computed.figures.formula('bonus_rate')).toBe(0.2);
  });

  it('reads a quarterly package’s months summed into the quarter', () => {
    const entries = [value('patient_tracing', 'traced', 10, '202407'), value('patient_tracing', 'traced', 10, '202408'), value('patient_tracing', 'found', 18, '2024Q3')];
    const computed = rules.compute('community', '2024Q3', entries, 'en');
    if (!('figures' in computed)) throw new Error(computed.errors.join('\n'));
    expect(computed.figures.formula('found_rate')).toBe(0.9);
  });

  it('reports a programme it cannot load, in the reader’s language', () => {
    const broken = new FacilityRules({ ...FIELD_VERSION, packages: 'none' }, facility, 'fr');
    const computed = broken.compute('quantity', '202407', [], 'fr');
    expect('errors' in computed && computed.errors[0]).toContain('packages: Entrée invalide');
  });
});
