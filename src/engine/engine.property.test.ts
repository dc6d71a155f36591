import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeEnough } from '../cases/caseFile.ts';
import { SHARED_ACCEPTANCE, readCase, repoPath } from '../../test/support/cases.ts';
import { compute } from '../../test/support/engine.ts';
import { explain } from './provenance/explain.ts';
import type { RunResult } from './solve/result.ts';
import { existsSync } from 'node:fs';

const contract = (name: string) => {
  const shared = `${SHARED_ACCEPTANCE}/${name}`;
  return readCase(existsSync(shared) ? shared : repoPath('test/contract', name)) as {
    program: Record<string, unknown> & { packages: { activities: { constants?: Record<string, number> }[] }[]; decisionTables: { outputs: string[]; rows: Record<string, unknown>[] }[] };
    orgUnits: { id: string; attributes?: Record<string, number> }[];
    data: { orgUnit: string; period: string; activity: string; state: string; value: number }[];
    run: { orgUnits: string[]; periods: string[] };
  };
};

/** Random entered values for the units, periods, activities and states of a case; unique keys. */
function dataFor(units: string[], periods: string[], activities: string[], states: string[]) {
  const key = fc.record({
    orgUnit: fc.constantFrom(...units),
    period: fc.constantFrom(...periods),
    activity: fc.constantFrom(...activities),
    state: fc.constantFrom(...states),
  });
  return fc.uniqueArray(
    fc.record({ key, value: fc.integer({ min: 0, max: 5000 }) }),
    { selector: ({ key: k }) => `${k.orgUnit}|${k.period}|${k.activity}|${k.state}`, maxLength: 60 },
  ).map((rows) => rows.map(({ key: k, value }) => ({ ...k, value })));
}

function allValues(result: RunResult) {
  return [...result.values()].map((v) => `${v.orgUnit}|${v.period}|${v.name}=${v.value}`);
}

const verification = contract('02-verification-tolerance.json');
const quarter = contract('03-quarterly-quality-community.json');
const tariffs = contract('01-quantity-tariff-equity.json');
const zones = contract('04-zone-budget-cap-funders.json');

describe('engine invariants', () => {
  it('does not depend on the order of data rows', () => {
    const rows = dataFor(['cds_a'], ['202404', '202405', '202406', '2024Q2'], ['a1', 'a2', 'c1', 'c2', 'c3', 'c4', 'patient_tracing'], ['verified', 'points', 'applicable', 'traced', 'found']);
    fc.assert(
      fc.property(rows, fc.func(fc.integer()), (data, order) => {
        const shuffled = [...data].sort((a, b) => order(a) - order(b) || 0);
        const first = compute({ ...quarter, data }, quarter.run);
        const second = compute({ ...quarter, data: shuffled }, quarter.run);
        expect(allValues(second)).toEqual(allValues(first));
      }),
      { numRuns: 60 },
    );
  });

  it('scales every amount by k when every tariff is scaled by k', () => {
    const rows = dataFor(['cds_a', 'cds_b', 'cds_c'], ['202403'], ['consultation', 'delivery', 'vaccination', 'family_planning'], ['verified', 'declared']);
    fc.assert(
      fc.property(rows, fc.double({ min: 0.01, max: 1000, noNaN: true }), (data, k) => {
        const scaled = structuredClone(tariffs.program);
        for (const table of scaled.decisionTables) {
          if (!table.outputs.includes('tariff')) continue;
          for (const row of table.rows) row.tariff = (row.tariff as number) * k;
        }
        const base = compute({ ...tariffs, data }, tariffs.run);
        const result = compute({ ...tariffs, program: scaled, data }, tariffs.run);
        for (const value of base.values({ formulasOnly: true })) {
          const other = result.value(value.orgUnit, value.period, value.name)!;
          expect(closeEnough(other, value.value * k)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never lets a zone's capped payments exceed its budget", () => {
    const units = ['cds_n1', 'cds_n2', 'cds_n3', 'cds_k1', 'cds_k2', 'hd_n'];
    const rows = dataFor(units, ['202404', '202405', '202406', '2024Q2'], ['consultation', 'delivery'], ['verified']);
    const budget = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(rows, budget, budget, (data, ngozi, kibuye) => {
        const orgUnits = zones.orgUnits.map((unit) =>
          unit.id === 'ds_ngozi' ? { ...unit, attributes: { quarterly_budget: ngozi } }
          : unit.id === 'ds_kibuye' ? { ...unit, attributes: { quarterly_budget: kibuye } } : unit,
        );
        const result = compute({ ...zones, orgUnits, data }, zones.run);
        expect(result.errors).toEqual([]);
        const paid = (targets: string[]) =>
          targets.reduce((sum, unit) => sum + result.value(unit, '2024Q2', 'district_budget.capped')!, 0);
        expect(paid(['cds_n1', 'cds_n2', 'cds_n3'])).toBeLessThanOrEqual(ngozi * (1 + 1e-12));
        expect(paid(['cds_k1', 'cds_k2'])).toBeLessThanOrEqual(kibuye * (1 + 1e-12));
      }),
      { numRuns: 60 },
    );
  });

  it('recomputes every formula value from the values its provenance lists', () => {
    const rows = dataFor(['cds_a'], ['202405'], ['consultation', 'delivery', 'prenatal_visit', 'referral', 'malnutrition'], ['declared', 'verified']);
    fc.assert(
      fc.property(rows, (data) => {
        for (const testCase of [{ ...verification, data }, { ...zones, data: [] }, { ...quarter, data: [] }]) {
          const result = compute(testCase, testCase.run);
          for (const value of result.values({ formulasOnly: true })) {
            const explained = explain(result, value.orgUnit, value.period, value.name, 1)!;
            expect(explained.value).toBe(value.value);
            if (explained.formula) expect(explained.formula.recomputed).toBe(value.value);
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
