import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, noHistory, type FacilityHistory } from './classify.ts';
import { drawFacility, drawSubtree } from './draw.ts';
import { drawParameters } from '../../contract/api/verification.ts';
import { RISK_CLASSES } from '../../contract/verification.ts';
import { uniform } from './prng.ts';

const defaults = drawParameters.parse({});
const WINDOW = ['202401', '202402', '202403', '202404', '202405', '202406'];
const cds = (id: string) => ({ id, groups: { type: 'cds' } });
const ids = (count: number) => Array.from({ length: count }, (_, i) => `cds_${i}`);

/** A low-risk history: every month declared = verified. */
const calm: FacilityHistory = {
  window: WINDOW,
  notVerified: [],
  months: WINDOW.map((period) => ({
    period,
    declaredVerified: { difference: '0', base: '100', activities: 1 },
    verifiedValidated: null,
    validation: null,
  })),
};

describe('the seeded generator', () => {
  it('gives a number in [0, 1) that depends only on the seed and the key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (seed, key) => {
        const u = uniform(seed, key);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
        expect(uniform(seed, key)).toBe(u);
      }),
    );
  });

  it('keeps seed and key apart', () => {
    expect(uniform('a:b', 'c')).not.toBe(uniform('a', 'b:c'));
  });

  it('is the documented SHA-256 construction', () => {
    // sha256("4:seed:cds_1") = 185920fa2864d…: its first 13 hex digits are the 52 bits used.
    expect(uniform('seed', 'cds_1')).toBe(0x185920fa2864d / 2 ** 52);
  });
});

describe('the draw', () => {
  it('draws each class with its probability, over many facilities', () => {
    const n = 3000;
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom(...RISK_CLASSES), fc.double({ min: 0, max: 1, noNaN: true }), (seed, riskClass, p) => {
        const parameters = { ...defaults, probabilities: { ...defaults.probabilities, [riskClass]: p } };
        const drawn = ids(n).filter((id) => drawFacility(seed, cds(id), riskClass, parameters).drawn).length;
        // Five standard deviations: a false alarm about once in 3 million.
        expect(Math.abs(drawn / n - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / n) + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('always draws probability 1 and never probability 0', () => {
    const parameters = { ...defaults, probabilities: { low: 0, moderate: 0.5, high: 1 } };
    for (const id of ids(500)) {
      expect(drawFacility('s', cds(id), 'high', parameters).drawn).toBe(true);
      expect(drawFacility('s', cds(id), 'low', parameters).drawn).toBe(false);
    }
  });

  it('always draws hospitals, whatever their class, and configured groups', () => {
    const hospital = { id: 'hd_1', groups: { type: 'hd' } };
    const never = { ...defaults, probabilities: { low: 0, moderate: 0, high: 0 } };
    expect(drawFacility('s', hospital, 'low', never)).toEqual({ probability: 1, drawn: true, alwaysDrawn: { groupset: 'type', group: 'hd' } });
    const chu = { ...never, alwaysDraw: { ownership: ['public'], type: ['chu'] } };
    expect(drawFacility('s', { id: 'x', groups: { type: 'chu' } }, 'low', chu)).toMatchObject({ drawn: true, alwaysDrawn: { groupset: 'type', group: 'chu' } });
    expect(drawFacility('s', hospital, 'low', chu)).toMatchObject({ drawn: false, alwaysDrawn: null });
  });

  it('is reproducible: the same seed and inputs give the same draw, in any order', () => {
    const facilities = ids(200).map(cds);
    const histories = new Map(facilities.map((f) => [f.id, calm]));
    const first = drawSubtree('seed-1', facilities, histories, WINDOW, defaults);
    expect(drawSubtree('seed-1', facilities, histories, WINDOW, defaults)).toEqual(first);
    const reversed = drawSubtree('seed-1', [...facilities].reverse(), histories, WINDOW, defaults);
    expect(new Map(reversed.map((e) => [e.orgUnitId, e.drawn]))).toEqual(new Map(first.map((e) => [e.orgUnitId, e.drawn])));
  });

  it('draws differently under a different seed', () => {
    const facilities = ids(200).map(cds);
    const histories = new Map(facilities.map((f) => [f.id, calm]));
    const drawn = (seed: string) => drawSubtree(seed, facilities, histories, WINDOW, defaults).filter((e) => e.drawn).map((e) => e.orgUnitId);
    expect(drawn('seed-1')).not.toEqual(drawn('seed-2'));
  });

  it('records the class, probability, rate and reasons of every facility', () => {
    const [calmEntry, newEntry] = drawSubtree('s', [cds('a'), cds('b')], new Map([['a', calm]]), WINDOW, defaults);
    expect(calmEntry).toMatchObject({ orgUnitId: 'a', riskClass: 'low', probability: 0.4, validationRate: 1 });
    expect(calmEntry!.reasons).toEqual({ ...classify(calm, defaults).reasons, alwaysDrawn: null });
    expect(newEntry).toMatchObject({ orgUnitId: 'b', riskClass: 'high', probability: 1, drawn: true });
    expect(newEntry!.reasons).toEqual({ ...classify(noHistory(WINDOW), defaults).reasons, alwaysDrawn: null });
  });
});
