import { describe, expect, it } from 'vitest';
import type { RulesPackage, StoredValue } from '../entry/api.ts';
import { discrepancy, totalsOf } from './totals.ts';

const pkg: RulesPackage = {
  code: 'quantity',
  frequency: 'monthly',
  inputs: ['declared', 'verified', 'validated'],
  activities: [{ code: 'consultation' }, { code: 'delivery' }],
};
const value = (activity: string, state: string, amount: number): StoredValue => ({
  orgUnit: 'cds_1',
  period: '202403',
  activity,
  state,
  value: amount,
  version: 1,
  updatedBy: null,
  updatedAt: '2024-04-02T08:00:00Z',
});

describe('committee totals', () => {
  it('sums each state over the package’s activities and leaves out states without values', () => {
    const values = [value('consultation', 'declared', 120), value('delivery', 'declared', 14), value('consultation', 'verified', 110), value('other', 'declared', 5)];
    expect(totalsOf(values, pkg)).toEqual({ declared: 134, verified: 110 });
  });

  it('measures the discrepancy against what was verified', () => {
    expect(discrepancy(134, 110)).toEqual({ difference: 24, ratio: 24 / 110 });
    expect(discrepancy(5, 0)).toEqual({ difference: 5 });
    expect(discrepancy(undefined, 10)).toBeUndefined();
  });
});
