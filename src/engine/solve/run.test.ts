import { describe, expect, it } from 'vitest';
import { compute, entry, quantityProgram, simpleTree } from '../../../test/support/engine.ts';

describe('periods', () => {
  const program = quantityProgram({
    payments: [{ code: 'pay', frequency: 'quarterly', packages: ['quantity', 'quality'], formulas: { due: 'quantity.total + quality.score' } }],
  });
  program.packages.push({
    code: 'quality',
    frequency: 'quarterly',
    inputs: ['points'],
    activities: [{ code: 'hygiene', constants: { tariff: 0 } }],
    activityFormulas: { amount: 'points' },
    formulas: { score: 'SUM(points)', total: 'SUM(amount)' },
  } as never);
  const data = [
    entry('cds_a', '202401', 'consultation', 'verified', 10),
    entry('cds_a', '202402', 'consultation', 'verified', 20),
    entry('cds_a', '202403', 'consultation', 'verified', 30),
    entry('cds_a', '2024Q1', 'consultation', 'verified', 999),
    entry('cds_a', '202401', 'hygiene', 'points', 3),
    entry('cds_a', '202402', 'hygiene', 'points', 4),
    entry('cds_b', '2024Q1', 'hygiene', 'points', 7),
    entry('cds_b', '202401', 'hygiene', 'points', 100),
  ];
  const result = compute({ program, orgUnits: simpleTree, data }, { orgUnits: ['cds_a', 'cds_b'], periods: ['2024Q1'] });

  it('computes monthly packages for each month of a quarter, never reading quarterly entries', () => {
    expect(result.value('cds_a', '202402', 'quantity.total')).toBe(5000);
    expect(result.value('cds_a', '202403', 'quantity.consultation.verified')).toBe(30);
    expect(result.value('cds_a', '2024Q1', 'quantity.total')).toBeUndefined();
  });

  it('gives a quarterly package the sum of the months when no quarterly value was entered', () => {
    expect(result.value('cds_a', '2024Q1', 'quality.hygiene.points')).toBe(7);
    expect(result.value('cds_a', '2024Q1', 'quality.hygiene.points_is_null')).toBe(0);
  });

  it('prefers the value entered for the exact quarter', () => {
    expect(result.value('cds_b', '2024Q1', 'quality.score')).toBe(7);
  });

  it('sums a monthly package over the quarter in a quarterly payment', () => {
    expect(result.value('cds_a', '2024Q1', 'pay.quantity.total')).toBe(15000);
    expect(result.value('cds_a', '2024Q1', 'pay.due')).toBe(15007);
  });

  it('computes only monthly packages for a month run', () => {
    const month = compute({ program, orgUnits: simpleTree, data }, { orgUnits: ['cds_a'], periods: ['202401'] });
    expect(month.value('cds_a', '202401', 'quantity.total')).toBe(2500);
    expect(month.value('cds_a', '2024Q1', 'quality.score')).toBeUndefined();
    expect(month.paymentRuns).toHaveLength(0);
  });

  it('expands a year into its months and quarters', () => {
    const year = compute({ program, orgUnits: simpleTree, data }, { orgUnits: ['cds_a'], periods: ['2024'] });
    expect(year.packageRuns.map((run) => run.period.id)).toHaveLength(12 + 4);
    expect(year.value('cds_a', '2024Q4', 'quality.score')).toBe(0);
  });
});

describe('missing values', () => {
  it('reads a missing entry as 0 and flags it with _is_null', () => {
    const result = compute(
      { program: quantityProgram(), orgUnits: simpleTree, data: [entry('cds_a', '202401', 'consultation', 'verified', 4)] },
      { orgUnits: ['cds_a'], periods: ['202401'] },
    );
    expect(result.value('cds_a', '202401', 'quantity.delivery.verified')).toBe(0);
    expect(result.value('cds_a', '202401', 'quantity.delivery.verified_is_null')).toBe(1);
    expect(result.value('cds_a', '202401', 'quantity.consultation.verified_is_null')).toBe(0);
  });
});

describe('run-time errors', () => {
  const run = (formulas: Record<string, string>, activityFormulas: Record<string, string> = { amount: 'verified * tariff' }) =>
    compute(
      {
        program: quantityProgram({}, { formulas, activityFormulas }),
        orgUnits: simpleTree,
        data: [entry('cds_a', '202401', 'consultation', 'verified', 4)],
      },
      { orgUnits: ['cds_a', 'cds_b'], periods: ['202401'] },
    );

  it('evaluates only the branch IF takes', () => {
    const result = run({ safe: 'IF(SUM(verified) = 0, 0, 1 / SUM(verified))' });
    expect(result.errors).toEqual([]);
    expect(result.value('cds_b', '202401', 'quantity.safe')).toBe(0);
    expect(result.value('cds_a', '202401', 'quantity.safe')).toBe(0.25);
  });

  it('reports a division by zero once per unit, and not again in the formulas reading it', () => {
    const result = run({ inverse: '1 / SUM(verified)', twice: 'inverse * 2' });
    expect(result.errors).toMatchObject([
      { code: 'DIV_ZERO', at: 'quantity.formulas.inverse', orgUnit: 'cds_b', period: '202401' },
    ]);
    expect(result.value('cds_b', '202401', 'quantity.twice')).toBeNaN();
    expect(result.value('cds_a', '202401', 'quantity.twice')).toBe(0.5);
  });

  it('names the activity of a failing activity formula', () => {
    const result = run({ total: 'SUM(amount)' }, { amount: 'verified * tariff', odd: 'tariff / (verified - 4)' });
    expect(result.errors).toMatchObject([
      { code: 'DIV_ZERO', at: 'quantity.activityFormulas.odd', orgUnit: 'cds_a', activity: 'consultation' },
    ]);
  });

  it('rejects unknown org units and malformed periods in the request without computing', () => {
    const result = compute({ program: quantityProgram(), orgUnits: simpleTree, data: [] }, { orgUnits: ['nowhere'], periods: ['2024-01'] });
    expect(result.errors.map((error) => [error.code, error.at])).toEqual([
      ['SCHEMA', 'run.orgUnits[0]'],
      ['SCHEMA', 'run.periods[0]'],
    ]);
    expect(result.packageRuns).toHaveLength(0);
  });
});

describe('applicability', () => {
  it('runs a package only where appliesTo matches, and a payment only where all its packages apply', () => {
    const program = quantityProgram(
      { payments: [{ code: 'pay', frequency: 'monthly', packages: ['quantity'], formulas: { due: 'quantity.total' } }] },
      { appliesTo: { equity: ['cat2'] } },
    );
    const result = compute({ program, orgUnits: simpleTree, data: [] }, { orgUnits: ['cds_a', 'cds_b', 'ds'], periods: ['202401'] });
    expect(result.value('cds_a', '202401', 'quantity.total')).toBeUndefined();
    expect(result.value('cds_b', '202401', 'pay.due')).toBe(0);
    expect(result.value('ds', '202401', 'pay.due')).toBeUndefined();
  });
});

describe('decision tables', () => {
  const program = quantityProgram(
    {
      decisionTables: [
        { package: 'quantity', inputs: ['activity', 'level_2'], outputs: ['price'], to: '2024Q1', rows: [
          { activity: '*', level_2: '*', price: 1 },
          { activity: 'consultation', price: 2 },
          { activity: 'consultation', level_2: 'ds', price: 3 },
        ] },
        { package: 'quantity', inputs: ['activity'], outputs: ['price'], from: '202404', rows: [{ activity: '*', price: 5 }] },
        { package: 'quantity', inputs: ['equity'], outputs: ['bonus'], rows: [{ equity: 'cat2', bonus: 0.1 }, { equity: '*', bonus: 0 }] },
      ],
    },
    { activityFormulas: { amount: 'verified * price * (1 + bonus)' } },
  );
  const data = [entry('cds_b', '202403', 'consultation', 'verified', 10), entry('cds_b', '202404', 'consultation', 'verified', 10)];
  const result = compute({ program, orgUnits: simpleTree, data }, { orgUnits: ['cds_b'], periods: ['202403', '202404'] });

  it('picks the most specific row; a missing cell counts as *', () => {
    expect(result.value('cds_b', '202403', 'quantity.consultation.price')).toBe(3);
    expect(result.value('cds_b', '202403', 'quantity.delivery.price')).toBe(1);
  });

  it('switches tables on their validity periods (a quarter ends on its last month)', () => {
    expect(result.value('cds_b', '202404', 'quantity.consultation.price')).toBe(5);
  });

  it('reads package-level table outputs in activity formulas', () => {
    expect(result.value('cds_b', '202403', 'quantity.consultation.amount')).toBeCloseTo(33, 9);
  });

  it('records which row gave each value', () => {
    const run = result.packageRuns.find((candidate) => candidate.period.id === '202403')!;
    expect(run.tableRows.get('price')!.id(0, 0)).toBe(2);
  });
});
