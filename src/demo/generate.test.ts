import { describe, expect, it } from 'vitest';
import { prepare, run } from '../engine/pipeline.ts';
import { checkProgram } from '../engine/index.ts';
import type { DemoDataValue } from './dataValues.ts';
import { demoCalendar } from './calendar.ts';
import { demoDataValues, generateDemo, stageOf, type Demo } from './generate.ts';
import { apportion } from './geography.ts';
import { DEMO_LOGINS } from './logins.ts';

// A fixed clock: the demo then ends in June 2024 whatever day the tests run.
const SMALL = { seed: 7, scale: 0.05, months: 6, today: new Date('2024-07-15T09:00:00Z') };

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
    const demo = generateDemo({ today: new Date('2025-01-10T08:00:00Z') });
    const types = demo.geography.orgUnits.map((unit) => unit.groups?.type);
    const countOf = (type: string) => types.filter((t) => t === type).length;
    expect([countOf('country'), countOf('province'), countOf('district'), countOf('cds'), countOf('hd')]).toEqual([1, 18, 45, 900, 50]);
    expect(demo.months).toHaveLength(24);
    expect([demo.months[0], demo.months[23], demo.quarters[7]]).toEqual(['202301', '202412', '2024Q4']);
    const batches = [...demoDataValues(demo)];
    // Every month but the last in full; last month as far as each facility got.
    const quantities = batches.slice(0, 23).reduce((total, batch) => total + batch.length, 0);
    expect(quantities).toBe((900 * 15 + 50 * 10) * 3 * 23);
    expect(batches[23]!.length).toBeGreaterThan(0.3 * (900 * 15 + 50 * 10) * 3);
    expect(batches[23]!.length).toBeLessThan(0.9 * (900 * 15 + 50 * 10) * 3);
    // Checklists (13 to 17 lines a centre) and the community survey (16 lines a centre).
    const quarterly = batches.slice(24).reduce((total, batch) => total + batch.length, 0);
    expect(quarterly).toBeGreaterThan(8 * 900 * (13 + 16));
    expect(quarterly).toBeLessThan(8 * (900 * (17 + 16) + 50 * 15));
    // Two million values: slow on a busy machine.
  }, 120_000);

  it.each([
    ['in December', '2026-12-07T10:00:00Z', '202412', '202611', '202612', ['2025Q1', '2026Q3'], 7],
    ['in January', '2027-01-05T10:00:00Z', '202501', '202612', '202701', ['2025Q1', '2026Q4'], 8],
    ['on the first day of a quarter', '2026-04-01T00:30:00Z', '202404', '202603', '202604', ['2024Q2', '2026Q1'], 8],
    ['on the last day of a quarter', '2026-03-31T23:30:00Z', '202403', '202602', '202603', ['2024Q2', '2025Q4'], 7],
  ])('ends with last month whatever the day: loaded %s', (_when, today, first, last, current, [firstQuarter, lastQuarter], quarters) => {
    const calendar = demoCalendar(new Date(today), 24);
    expect(calendar.months).toHaveLength(24);
    expect([calendar.months[0], calendar.months[23], calendar.currentMonth]).toEqual([first, last, current]);
    expect([calendar.quarters[0], calendar.quarters.at(-1), calendar.quarters.length]).toEqual([firstQuarter, lastQuarter, quarters]);
    expect(calendar.today).toBe(today.slice(0, 10));
  });

  it('leaves last month in progress for the clerk, the verifier and the committee, everything older validated', () => {
    const demo = generateDemo(SMALL);
    const stages = (period: string) => new Set(demo.geography.facilities.map((f) => stageOf(demo, f.id, period)));
    expect(stages('202406')).toEqual(new Set(['open', 'declared', 'verified', 'validated']));
    expect(stages('202405')).toEqual(new Set(['validated']));
    // The quarter that ended last month is evaluated and waits for the committee.
    expect(stages('2024Q2')).toEqual(new Set(['verified']));
    expect(stages('2024Q1')).toEqual(new Set(['validated']));
    const last = allValues(demo).filter((v) => v.period === '202406');
    const facility = demo.geography.facilities.find((f) => stageOf(demo, f.id, '202406') === 'declared')!;
    expect(new Set(last.filter((v) => v.orgUnitId === facility.id).map((v) => v.state))).toEqual(new Set(['declared']));
    const open = demo.geography.facilities.find((f) => stageOf(demo, f.id, '202406') === 'open')!;
    expect(last.filter((v) => v.orgUnitId === open.id)).toEqual([]);
  });

  it('scales the facilities and months with its size parameters, keeping the provinces and districts', () => {
    const demo = generateDemo(SMALL);
    const facilities = demo.geography.facilities;
    expect(facilities.filter((f) => f.type === 'cds')).toHaveLength(45);
    expect(facilities.filter((f) => f.type === 'hd')).toHaveLength(3);
    expect(demo.geography.districts).toHaveLength(45);
    expect(demo.months).toEqual(['202401', '202402', '202403', '202404', '202405', '202406']);
    expect(demo.quarters).toEqual(['2024Q1', '2024Q2']);
    const quantities = [...demoDataValues(demo)].slice(0, 5).reduce((total, batch) => total + batch.length, 0);
    expect(quantities).toBe((45 * 15 + 3 * 10) * 3 * 5);
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
    const envelope = demo.budgets.filter((b) => b.orgUnitId === district.id && b.period === '2024Q1');
    expect(envelope.reduce((total, b) => total + b.amount, 0)).toBe(district.quarterlyBudget);
    expect(apportion(10, [1, 1, 1], 1)).toEqual([4, 3, 3]);
  });

  it('refuses sizes it cannot honour, naming the option', () => {
    expect(() => generateDemo({ months: 2 })).toThrow('demo months: 2 must be a whole number of at least 3');
    expect(() => generateDemo({ today: new Date('not a date') })).toThrow('demo today: not a date');
    expect(() => generateDemo({ scale: 0 })).toThrow('demo scale: 0 must be positive');
  });

  it('has a programme that passes the engine’s checks and computes every invoice without error', () => {
    const demo = generateDemo(SMALL);
    expect(checkProgram(demo.program, ['population', 'quarterly_budget']).errors).toEqual([]);
    const { prepared, errors } = prepare({ program: demo.program, orgUnits: engineUnits(demo), data: engineRows(allValues(demo)) });
    expect(errors).toEqual([]);
    const facilities = demo.geography.facilities;
    const result = run(prepared!, { orgUnits: facilities.map((f) => f.id), periods: ['2024Q1'] });
    expect(result.errors).toEqual([]);
    const monthly = facilities.map((f) => result.value(f.id, '202402', `${f.type}_monthly.to_pay`)!);
    const bonuses = facilities.map((f) => result.value(f.id, '2024Q1', `${f.type}_quality_bonus.to_pay`)!);
    for (const amount of [...monthly, ...bonuses]) expect(amount).toBeGreaterThanOrEqual(0);
    // Only a facility whose every line is beyond the tolerance earns nothing.
    expect(monthly.filter((amount) => amount > 0).length).toBeGreaterThan(0.8 * facilities.length);
  });

  it('has a community survey whose ghost patients, patients not found and satisfaction change the quality bonus', () => {
    const demo = generateDemo({ ...SMALL, scale: 0.3 });
    const { prepared } = prepare({ program: demo.program, orgUnits: engineUnits(demo), data: engineRows(allValues(demo)) });
    const centres = demo.geography.facilities.filter((f) => f.type === 'cds');
    const result = run(prepared!, { orgUnits: centres.map((f) => f.id), periods: ['2024Q1'] });
    expect(result.errors).toEqual([]);
    const at = (id: string, name: string) => result.value(id, '2024Q1', name)!;
    const factors = centres.map((f) => at(f.id, 'community_cds.bonus_factor'));
    expect(new Set(factors)).toEqual(new Set([0, 0.8, 1, 1.1]));
    for (const f of centres) {
      const ghosts = at(f.id, 'community_cds.ghost_rate');
      expect(ghosts).toBeGreaterThanOrEqual(0);
      if (ghosts > 0.05) expect(at(f.id, 'community_cds.bonus_factor')).toBe(0);
      expect(at(f.id, 'cds_quality_bonus.to_pay')).toBe(Math.round(at(f.id, 'cds_quality_bonus.quality_bonus') * at(f.id, 'community_cds.bonus_factor')));
    }
    // Ghost patients are the mark of the centres that over-declare.
    const cancelled = centres.filter((f) => at(f.id, 'community_cds.bonus_factor') === 0);
    const overDeclaring = cancelled.filter((f) => demo.behaviours.get(f.id)!.reporting === 'over_declaring');
    expect(overDeclaring.length / cancelled.length).toBeGreaterThan(0.5);
    const satisfaction = centres.map((f) => at(f.id, 'community_cds.satisfaction'));
    expect(Math.min(...satisfaction)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...satisfaction)).toBeLessThanOrEqual(1);
  });

  it('has realistic discrepancies: most lines within the 10% tolerance, a few facilities over-declaring throughout', () => {
    const demo = generateDemo({ ...SMALL, scale: 0.3 });
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
