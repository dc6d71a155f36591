import { describe, expect, it } from 'vitest';
import { prepare, run } from '../engine/pipeline.ts';
import { checkProgram } from '../engine/index.ts';
import type { DemoDataValue } from './dataValues.ts';
import { demoDataValues, generateDemo, type Demo } from './generate.ts';
import { apportion } from './geography.ts';
import { DEMO_LOGINS } from './logins.ts';

const SMALL = { seed: 7, scale: 0.05, months: 6 };

const allValues = (demo: Demo): DemoDataValue[] => [...demoDataValues(demo)].flat();
const engineRows = (values: readonly DemoDataValue[]) =>
  values.map((v) => ({ orgUnit: v.orgUnitId, period: v.period, activity: v.activity, state: v.state, value: v.value }));
const engineUnits = (demo: Demo) => demo.geography.orgUnits.map(({ validFrom: _f, validTo: _t, ...unit }) => unit);

describe('the demo generator', () => {
  it('gives identical rows for the same seed and different ones for another seed', () => {
    const first = generateDemo(SMALL);
    const again = generateDemo(SMALL);
    expect(again.geography).toEqual(first.geography);
    expect(again.contracts).toEqual(first.contracts);
    expect(again.budgets).toEqual(first.budgets);
    expect(allValues(again)).toEqual(allValues(first));
    expect(allValues(generateDemo({ ...SMALL, seed: 8 }))).not.toEqual(allValues(first));
  });

  it('has the full size of the brief: 18 provinces, 45 districts, 900 health centres, 50 hospitals, 24 months', () => {
    const demo = generateDemo();
    const types = demo.geography.orgUnits.map((unit) => unit.groups?.type);
    const countOf = (type: string) => types.filter((t) => t === type).length;
    expect([countOf('country'), countOf('province'), countOf('district'), countOf('cds'), countOf('hd')]).toEqual([1, 18, 45, 900, 50]);
    expect(demo.months).toHaveLength(24);
    expect([demo.months[0], demo.months[23], demo.quarters[7]]).toEqual(['202301', '202412', '2024Q4']);
    const batches = [...demoDataValues(demo)];
    const quantities = batches.slice(0, 24).reduce((total, batch) => total + batch.length, 0);
    expect(quantities).toBe((900 * 15 + 50 * 10) * 3 * 24);
    const quality = batches.slice(24).reduce((total, batch) => total + batch.length, 0);
    expect(quality).toBeGreaterThan(8 * 900 * 13);
    expect(quality).toBeLessThan(8 * (900 * 17 + 50 * 15));
  });

  it('scales the facilities and months with its size parameters, keeping the provinces and districts', () => {
    const demo = generateDemo(SMALL);
    const facilities = demo.geography.facilities;
    expect(facilities.filter((f) => f.type === 'cds')).toHaveLength(45);
    expect(facilities.filter((f) => f.type === 'hd')).toHaveLength(3);
    expect(demo.geography.districts).toHaveLength(45);
    expect(demo.quarters).toEqual(['2023Q1', '2023Q2']);
    const quantities = [...demoDataValues(demo)].slice(0, 6).reduce((total, batch) => total + batch.length, 0);
    expect(quantities).toBe((45 * 15 + 3 * 10) * 3 * 6);
  });

  it('splits populations, funders and budgets so that the parts add up', () => {
    const demo = generateDemo(SMALL);
    const { provinces, districts } = demo.geography;
    for (const province of provinces) {
      const own = districts.filter((d) => d.provinceId === province.id);
      expect(own.reduce((total, d) => total + d.population, 0)).toBe(province.population);
      const shares = demo.funderShares.filter((s) => s.orgUnitId === province.id);
      expect(shares.reduce((total, s) => total + s.share, 0)).toBeCloseTo(1, 9);
    }
    const patterns = provinces.map((p) => JSON.stringify(demo.funderShares.filter((s) => s.orgUnitId === p.id)));
    expect(new Set(patterns.map((pattern) => pattern.replace(/"orgUnitId":"[^"]+"/g, ''))).size).toBe(3);
    const district = districts[0]!;
    const envelope = demo.budgets.filter((b) => b.orgUnitId === district.id && b.period === '2023Q1');
    expect(envelope.reduce((total, b) => total + b.amount, 0)).toBe(district.quarterlyBudget);
    expect(apportion(10, [1, 1, 1], 1)).toEqual([4, 3, 3]);
  });

  it('refuses sizes it cannot honour, naming the option', () => {
    expect(() => generateDemo({ months: 4 })).toThrow('demo months: 4 is not a whole number of quarters');
    expect(() => generateDemo({ scale: 0 })).toThrow('demo scale: 0 must be positive');
  });

  it('has a programme that passes the engine’s checks and computes every invoice without error', () => {
    const demo = generateDemo(SMALL);
    expect(checkProgram(demo.program, ['population', 'quarterly_budget']).errors).toEqual([]);
    const { prepared, errors } = prepare({ program: demo.program, orgUnits: engineUnits(demo), data: engineRows(allValues(demo)) });
    expect(errors).toEqual([]);
    const facilities = demo.geography.facilities;
    const result = run(prepared!, { orgUnits: facilities.map((f) => f.id), periods: ['2023Q2'] });
    expect(result.errors).toEqual([]);
    const monthly = facilities.map((f) => result.value(f.id, '202304', `${f.type}_monthly.to_pay`)!);
    const bonuses = facilities.map((f) => result.value(f.id, '2023Q2', `${f.type}_quality_bonus.to_pay`)!);
    for (const amount of [...monthly, ...bonuses]) expect(amount).toBeGreaterThanOrEqual(0);
    // Only a facility whose every line is beyond the tolerance earns nothing.
    expect(monthly.filter((amount) => amount > 0).length).toBeGreaterThan(0.8 * facilities.length);
  });

  it('has realistic discrepancies: most lines within the 10% tolerance, a few facilities over-declaring throughout', () => {
    const demo = generateDemo({ seed: 7, scale: 0.3, months: 6 });
    const lines = new Map<string, { declared: number; verified: number }>();
    for (const value of allValues(demo)) {
      if (value.state !== 'declared' && value.state !== 'verified') continue;
      const key = `${value.orgUnitId}|${value.period}|${value.activity}`;
      lines.set(key, { ...(lines.get(key) ?? { declared: 0, verified: 0 }), [value.state]: value.value });
    }
    const beyond = [...lines].filter(([, l]) => Math.abs(l.declared - l.verified) > 0.1 * l.verified && l.verified > 0);
    expect(beyond.length / lines.size).toBeGreaterThan(0.03);
    expect(beyond.length / lines.size).toBeLessThan(0.15);
    const overDeclaring = [...demo.behaviours.values()].filter((b) => b.reporting === 'over_declaring').length;
    expect(overDeclaring / demo.behaviours.size).toBeGreaterThan(0.03);
    expect(overDeclaring / demo.behaviours.size).toBeLessThan(0.12);
  });

  it('has one login per role and a second validator', () => {
    const roles = DEMO_LOGINS.map((login) => login.role);
    expect(new Set(roles)).toEqual(new Set(['admin', 'designer', 'clerk', 'verifier', 'validator', 'payer', 'auditor']));
    expect(roles.filter((role) => role === 'validator')).toHaveLength(2);
  });
});
