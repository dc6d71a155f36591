import { describe, expect, it } from 'vitest';
import { describeError } from '../messages/errors.ts';
import { DataSet } from './dataSet.ts';
import { OrgUnitTree, groupsMatch } from './orgUnits.ts';
import { loadProgram } from './program.ts';
import { quantityProgram, simpleTree } from '../../../test/support/engine.ts';

const located = (errors: readonly Parameters<typeof describeError>[0][]) => errors.map((error) => describeError(error));

describe('loadProgram', () => {
  it('accepts the contract shape and fills defaults', () => {
    const { program, errors } = loadProgram(quantityProgram());
    expect(errors).toEqual([]);
    expect(program!.packages[0]!.kind).toBe('single');
    expect(program!.decisionTables).toEqual([]);
  });

  it('reports shape errors by path, in English or French', () => {
    const raw = quantityProgram({}, { frequency: 'weekly', activityFormula: {} });
    expect(located(loadProgram(raw).errors)).toEqual([
      'packages[0].frequency: Invalid option: expected one of "monthly"|"quarterly"',
      'packages[0]: Unrecognized key: "activityFormula"',
    ]);
    expect(located(loadProgram(raw, 'fr').errors)[1]).toBe('packages[0]: Clé non reconnue : "activityFormula"');
  });

  it('rejects reserved words and malformed names', () => {
    const raw = quantityProgram({}, { formulas: { and: '1', 'two words': '2' } });
    expect(loadProgram(raw).errors.map((error) => error.at)).toEqual(['packages[0].formulas.and', 'packages[0].formulas.two words']);
  });

  it('checks references between packages, tables and payments', () => {
    const raw = quantityProgram({
      decisionTables: [
        { package: 'nope', inputs: ['activity'], outputs: ['tariff'], from: '202406', to: '202401', rows: [{ activity: 'x', colour: 'red' }] },
      ],
      payments: [{ code: 'quantity', frequency: 'monthly', packages: ['missing'], formulas: {} }],
    });
    expect(located(loadProgram(raw).errors)).toEqual([
      "payments[0].code: 'quantity' is already a package code; payment and package codes must differ",
      "payments[0].packages[0]: unknown package 'missing'",
      "decisionTables[0].package: unknown package 'nope'",
      "decisionTables[0].to: '202401' is before '202406'",
      "decisionTables[0].rows[0].colour: 'colour' is neither an input nor an output of the table",
      "decisionTables[0].rows[0]: missing output 'tariff'",
    ]);
  });

  it('accepts penalties naming activity formulas of the package, and locates any other name', () => {
    const activityFormulas = { gap: 'SAFE_DIV(ABS(declared - verified), verified)', out: 'IF(gap > 0.1, 1, 0)', amount: 'verified * tariff', lost: 'out * verified * tariff' };
    const declared = quantityProgram({}, { activityFormulas, penalties: { breach: 'out', lost: 'lost', gap: 'gap' } });
    expect(loadProgram(declared).program!.packages[0]!.penalties).toEqual({ breach: 'out', lost: 'lost', gap: 'gap' });
    const wrong = quantityProgram({}, { activityFormulas, penalties: { breach: 'total', lost: 'lost', tolerance: 'tolerance' } });
    expect(located(loadProgram(wrong).errors)).toEqual([
      "packages[0].penalties.breach: 'total' is not an activity formula of the package",
      "packages[0].penalties.tolerance: 'tolerance' is not an activity formula of the package",
    ]);
    expect(describeError(loadProgram(wrong).errors[0]!, 'fr')).toBe("packages[0].penalties.breach: 'total' n'est pas une formule d'activité du paquet");
    const incomplete = quantityProgram({}, { activityFormulas, penalties: { breach: 'out' } });
    expect(loadProgram(incomplete).errors.map((error) => error.at)).toEqual(['packages[0].penalties.lost']);
  });

  it('requires targets on zone packages only', () => {
    const zone = quantityProgram({}, { kind: 'zone' });
    expect(located(loadProgram(zone).errors)).toEqual(['packages[0].targets: a zone package needs targets']);
    const single = quantityProgram({}, { targets: { type: ['cds'] }, zoneFormulas: {} });
    expect(loadProgram(single).errors.map((error) => error.at)).toEqual(['packages[0].targets', 'packages[0].zoneFormulas']);
  });
});

describe('OrgUnitTree', () => {
  const { tree } = OrgUnitTree.build(simpleTree);

  it('gives levels, ancestors and facts', () => {
    const unit = tree!.indexOf('cds_b')!;
    expect(tree!.level(unit)).toBe(3);
    expect(tree!.fact(unit, 'level_1')).toBe('bi');
    expect(tree!.fact(unit, 'level_3')).toBe('cds_b');
    expect(tree!.fact(unit, 'level_4')).toBeUndefined();
    expect(tree!.fact(unit, 'equity')).toBe('cat2');
    expect(tree!.fact(unit, 'orgUnit')).toBe('cds_b');
    expect(tree!.descendants(tree!.indexOf('bi')!).map((u) => tree!.id(u))).toEqual(['ds', 'cds_a', 'cds_b']);
  });

  it('matches a package’s groups on units in the tree and on stored groups alike, a number standing for its text', () => {
    const filter = { type: ['cds', '1'], equity: ['cat2'] };
    const unit = tree!.indexOf('cds_b')!;
    expect(tree!.matches(unit, filter)).toBe(groupsMatch({ type: 'cds', equity: 'cat2' }, filter));
    expect(groupsMatch({ type: 'cds', equity: 'cat2' }, filter)).toBe(true);
    expect(groupsMatch({ type: 'cds', equity: 'cat1' }, filter)).toBe(false);
    expect(groupsMatch({ type: 1, equity: 'cat2' }, filter)).toBe(true);
    expect(groupsMatch({ type: true, equity: 'cat2' }, filter)).toBe(false);
    expect(groupsMatch({ type: null, equity: 'cat2' }, filter)).toBe(false);
    expect(groupsMatch({ equity: 'cat2' }, filter)).toBe(false);
    expect(groupsMatch(undefined, undefined)).toBe(true);
    expect(tree!.matches(tree!.indexOf('cds_a')!, filter)).toBe(false);
  });

  it('reports duplicate ids, unknown parents and ancestor cycles', () => {
    const { errors } = OrgUnitTree.build([
      { id: 'a', parent: 'b' },
      { id: 'b', parent: 'a' },
      { id: 'c', parent: 'zz' },
      { id: 'c' },
    ]);
    expect(located(errors)).toEqual([
      "orgUnits[3].id: org unit 'c' is defined twice (first at orgUnits[2])",
      "orgUnits[2].parent: unknown parent 'zz'",
      "orgUnits[0].parent: org unit 'a' is its own ancestor",
      "orgUnits[1].parent: org unit 'b' is its own ancestor",
    ]);
  });
});

describe('DataSet', () => {
  const { tree } = OrgUnitTree.build(simpleTree);
  const row = (overrides: Record<string, unknown>) => ({
    orgUnit: 'cds_a', period: '202401', activity: 'consultation', state: 'verified', value: 1, ...overrides,
  });

  it('names the row and field of every bad value', () => {
    const { errors } = DataSet.fromRows(
      [row({ orgUnit: 'cds_z' }), row({ period: '2024-01' }), row({ value: 'ten' }), row({ value: 2 }), row({ value: 3 })],
      tree!,
    );
    expect(located(errors)).toEqual([
      'data[1].period: must be a month (202401) or a quarter (2024Q1)',
      'data[2].value: Invalid input: expected number, received string',
    ]);
    expect(located(DataSet.fromRows([row({ orgUnit: 'cds_z' }), row({ value: 2 }), row({ value: 3 })], tree!).errors)).toEqual([
      "data[0].orgUnit: unknown org unit 'cds_z'",
      'data[2].value: data[1] already gives 2 for this org unit, period, activity and state',
    ]);
  });

  it('accepts the same value twice, so re-importing a file changes nothing', () => {
    const { data, errors } = DataSet.fromRows([row({}), row({})], tree!);
    expect(errors).toEqual([]);
    expect([...data!.rows()]).toHaveLength(1);
  });
});
