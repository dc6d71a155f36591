import { describe, expect, it } from 'vitest';
import { penaltyLines, penaltyTotals } from './penaltyLines.ts';

const pkg = {
  activities: [{ code: 'consultation' }, { code: 'delivery' }, { code: 'vaccination' }],
  penalties: { breach: 'beyond_tolerance', lost: 'amount_lost', gap: 'gap', tolerance: 'tolerance' },
};
const values: Record<string, number> = {
  'consultation.beyond_tolerance': 0,
  'consultation.amount_lost': 0,
  'consultation.gap': 0.02,
  'consultation.tolerance': 0.1,
  'delivery.beyond_tolerance': 1,
  'delivery.amount_lost': 18_000.1 + 0.2,
  'delivery.gap': 0.25,
  'delivery.tolerance': 0.1,
};
const read = (activity: string, formula: string) => values[`${activity}.${formula}`];

describe('penalty lines', () => {
  it('reads each line through the declared formulas, leaving out a line not computed', () => {
    expect(penaltyLines(pkg, read)).toEqual([
      { activity: 'consultation', breach: false, lost: '0.00', gap: 0.02, tolerance: 0.1 },
      { activity: 'delivery', breach: true, lost: '18000.30', gap: 0.25, tolerance: 0.1 },
    ]);
  });

  it('has none where the package declares none, and no gap or tolerance where it names no formula for them', () => {
    expect(penaltyLines({ activities: pkg.activities }, read)).toEqual([]);
    const bare = penaltyLines({ ...pkg, penalties: { breach: 'beyond_tolerance', lost: 'amount_lost' } }, read);
    expect(bare[1]).toEqual({ activity: 'delivery', breach: true, lost: '18000.30', gap: null, tolerance: null });
  });

  it('counts the lines beyond the tolerance and sums what they lose exactly', () => {
    const lines = [
      { activity: 'a', breach: true, lost: '0.10', gap: null, tolerance: null },
      { activity: 'b', breach: true, lost: '0.20', gap: null, tolerance: null },
      { activity: 'c', breach: false, lost: '5.00', gap: null, tolerance: null },
    ];
    expect(penaltyTotals(lines)).toEqual({ breaches: 2, lost: '0.30' });
  });
});
