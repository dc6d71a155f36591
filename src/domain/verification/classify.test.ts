import { describe, expect, it } from 'vitest';
import { classify, noHistory, type FacilityHistory, type MonthFigures } from './classify.ts';
import { drawParameters } from '../../contract/api/verification.ts';

const defaults = drawParameters.parse({});
const WINDOW = ['202401', '202402', '202403', '202404', '202405', '202406'];

/** A month where Σ declared and Σ verified (and optionally Σ validated) are as given, over one activity. */
function month(period: string, declared: number, verified: number, validated?: number): MonthFigures {
  return {
    period,
    declaredVerified: { difference: String(Math.abs(declared - verified)), base: String(verified), activities: 1 },
    verifiedValidated: validated === undefined ? null : { difference: String(Math.abs(verified - validated)), base: String(validated), activities: 1 },
    validation: validated === undefined ? null : { declared: String(declared), validated: String(validated) },
  };
}

function history(...months: MonthFigures[]): FacilityHistory {
  return { window: WINDOW, notVerified: [], months };
}

describe('risk classification', () => {
  it.each([
    ['just below 5%', 104.99, 'low', 'below_moderate'],
    ['exactly 5%', 105, 'moderate', 'moderate'],
    ['exactly 10%', 110, 'moderate', 'moderate'],
    ['just above 10%', 110.01, 'high', 'above_high'],
  ] as const)('classifies a gap %s', (_label, declared, riskClass, rule) => {
    const result = classify(history(...WINDOW.map((p) => month(p, declared, 100))), defaults);
    expect(result.riskClass).toBe(riskClass);
    expect(result.reasons).toMatchObject({ rule, measure: 'declaredVerified', thresholds: { moderate: 0.05, high: 0.1 } });
  });

  it('averages the monthly gaps exactly: 0%, 10% and 20% average to 10%, which is moderate', () => {
    // In binary floating point (0 + 0.1 + 0.2) / 3 is 0.10000000000000002, which would be high.
    const result = classify(history(month('202404', 100, 100), month('202405', 110, 100), month('202406', 120, 100)), defaults);
    expect(result.reasons.average.declaredVerified).toBe(0.1);
    expect(result.riskClass).toBe('moderate');
  });

  it('classifies a facility without history as high risk', () => {
    const result = classify(noHistory(WINDOW), defaults);
    expect(result).toMatchObject({ riskClass: 'high', validationRate: 1 });
    expect(result.reasons).toMatchObject({ rule: 'no_history', score: null, measure: null, periods: [], window: WINDOW });
  });

  it('keeps the figures that put a facility in its class', () => {
    const result = classify(history(month('202405', 103, 100, 100), month('202406', 100, 100, 88)), defaults);
    expect(result.reasons.periods).toEqual([
      { period: '202405', declaredVerified: { difference: 3, base: 100, activities: 1, gap: 0.03 }, verifiedValidated: { difference: 0, base: 100, activities: 1, gap: 0 } },
      { period: '202406', declaredVerified: { difference: 0, base: 100, activities: 1, gap: 0 }, verifiedValidated: { difference: 12, base: 88, activities: 1, gap: 12 / 88 } },
    ]);
    expect(result.reasons.average).toEqual({ declaredVerified: 0.015, verifiedValidated: expect.closeTo(6 / 88, 12) });
    // The verified–validated average (6.8%) is the larger: the facility is as risky as its worst gap.
    expect(result.reasons).toMatchObject({ measure: 'verifiedValidated', rule: 'moderate' });
    expect(result.riskClass).toBe('moderate');
  });

  it('counts a month where nothing declared was verified as a 100% gap', () => {
    const result = classify(history(month('202406', 40, 0)), defaults);
    expect(result.reasons.periods[0]!.declaredVerified!.gap).toBe(1);
    expect(result.riskClass).toBe('high');
    expect(classify(history(month('202406', 0, 0)), defaults).riskClass).toBe('low');
  });

  it('computes the validation rate over the window, within [0, 1], and 1 when it cannot be computed', () => {
    expect(classify(history(month('202405', 100, 100, 90), month('202406', 100, 100, 100)), defaults).reasons.validation).toEqual({
      declared: 200,
      validated: 190,
      rate: 0.95,
      computed: true,
    });
    expect(classify(history(month('202406', 100, 120, 120)), defaults).validationRate).toBe(1);
    expect(classify(history(month('202406', 100, 100)), defaults).reasons.validation).toEqual({ declared: 0, validated: 0, rate: 1, computed: false });
    expect(classify(history(month('202406', 0, 0, 0)), defaults).reasons.validation).toMatchObject({ rate: 1, computed: false });
  });

  it('applies configured thresholds', () => {
    const strict = drawParameters.parse({ thresholds: { moderate: 0.01, high: 0.02 } });
    expect(classify(history(month('202406', 102, 100)), strict).riskClass).toBe('moderate');
    expect(classify(history(month('202406', 103, 100)), strict).riskClass).toBe('high');
  });

  it('refuses thresholds in the wrong order, naming the field', () => {
    const parsed = drawParameters.safeParse({ thresholds: { moderate: 0.2, high: 0.1 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['thresholds', 'moderate'], message: 'moderate must not exceed high' });
  });
});
