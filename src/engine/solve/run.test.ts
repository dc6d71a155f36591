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

describe('evaluation by blocks of rows', () => {
  // 700 facilities × 3 activities: activity formulas run in blocks of up to 2,048 values.
  const facilities = Array.from({ length: 700 }, (_, i) => `cds_${String(i).padStart(3, '0')}`);
  const orgUnits = [
    { id: 'bi' },
    { id: 'ds', parent: 'bi', groups: { type: 'district' } },
    ...facilities.map((id) => ({ id, parent: 'ds', groups: { type: 'cds' } })),
  ];
  const activities = ['a0', 'a1', 'a2'];
  const failing = (i: number, a: number) => i % 7 === 0 && a === 1;
  const data = facilities.flatMap((id, i) =>
    activities.flatMap((code, a) => [
      entry(id, '202401', code, 'declared', failing(i, a) ? 0 : i + a + 1),
      entry(id, '202401', code, 'verified', failing(i, a) ? 0 : i + 1),
    ]),
  );
  const program = quantityProgram({}, {
    activities: activities.map((code) => ({ code, constants: { tariff: 10 } })),
    activityFormulas: {
      ratio: 'declared / verified',
      back: 'verified / declared',
      guarded: 'IF(verified = 0, 0, declared / verified)',
      amount: 'guarded * tariff',
    },
    formulas: { total: 'SUM(amount)' },
  });
  const result = compute({ program, orgUnits, data }, { orgUnits: facilities, periods: ['202401'] });

  it('reports faults in the order of units, activities and formulas, across blocks', () => {
    const expected = facilities.flatMap((id, i) =>
      failing(i, 1)
        ? [
            [id, 'a1', 'quantity.activityFormulas.ratio'],
            [id, 'a1', 'quantity.activityFormulas.back'],
          ]
        : [],
    );
    expect(expected).toHaveLength(200);
    expect(result.errors.map((error) => [error.orgUnit, error.activity, error.at])).toEqual(expected);
    expect(result.errors.every((error) => error.code === 'DIV_ZERO')).toBe(true);
  });

  it('computes every value of every block, leaving the branch IF does not take unreported', () => {
    facilities.forEach((id, i) => {
      const guarded = activities.map((_, a) => (failing(i, a) ? 0 : (i + a + 1) / (i + 1)));
      expect(result.value(id, '202401', 'quantity.a2.ratio')).toBe((i + 3) / (i + 1));
      expect(result.value(id, '202401', 'quantity.a1.ratio')).toBe(failing(i, 1) ? Number.NaN : (i + 2) / (i + 1));
      expect(result.value(id, '202401', 'quantity.total')).toBe(guarded[0]! * 10 + guarded[1]! * 10 + guarded[2]! * 10);
    });
  });

  it('computes a package with more activities than a block holds', () => {
    const many = Array.from({ length: 2100 }, (_, a) => ({ code: `act${a}`, constants: { tariff: a } }));
    const wide = quantityProgram({}, {
      activities: many,
      activityFormulas: { amount: 'verified * tariff', odd: 'tariff / (verified - 4)' },
      formulas: { total: 'SUM(amount)' },
    });
    const entries = [entry('cds_a', '202401', 'act2099', 'verified', 4), entry('cds_b', '202401', 'act7', 'verified', 2)];
    const computed = compute({ program: wide, orgUnits: simpleTree, data: entries }, { orgUnits: ['cds_a', 'cds_b'], periods: ['202401'] });
    expect(computed.value('cds_a', '202401', 'quantity.total')).toBe(4 * 2099);
    expect(computed.value('cds_b', '202401', 'quantity.total')).toBe(14);
    expect(computed.value('cds_b', '202401', 'quantity.act7.odd')).toBe(-3.5);
    expect(computed.errors).toMatchObject([
      { code: 'DIV_ZERO', at: 'quantity.activityFormulas.odd', orgUnit: 'cds_a', activity: 'act2099' },
    ]);
  });
});
