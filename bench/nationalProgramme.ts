import { DataSet, OrgUnitTree, type ProgramInput } from '../src/engine/index.ts';

/** A seeded generator (mulberry32), so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const QUANTITY_ACTIVITIES = 40;
export const QUALITY_ITEMS = 60;
export const QUARTER = '2024Q1';
export const MONTHS = ['202401', '202402', '202403'];

export const quantityCodes = Array.from({ length: QUANTITY_ACTIVITIES }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);
export const qualityCodes = Array.from({ length: QUALITY_ITEMS }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
export const typeTariff = (type: string, a: number) => (type === 'hd' ? 2 : 1) * (100 + a * 75);
export const zoneTariff = (a: number) => 50 + a * 10;
export const maxPoints = (i: number) => 5 + (i % 4) * 5;
export const EQUITY_BONUS: Record<string, number> = { cat1: 0, cat2: 0.1, cat3: 0.2 };
export const BONUS_BANDS = [0, 0.5, 0, 0.5, 0.7, 0.1, 0.7, 0.85, 0.2, 0.85, 1.01, 0.25] as const;

/**
 * The benchmark's national programme: 40 monthly quantity activities with a 10%
 * verification tolerance and tariffs by facility type, an equity bonus, a 60-item
 * quarterly quality checklist, district budget zones and a quarterly payment.
 */
export function nationalProgramme(): ProgramInput {
  return {
    code: 'national_bench',
    version: 'bench-1',
    currency: 'BIF',
    packages: [
      {
        code: 'quantity',
        frequency: 'monthly',
        appliesTo: { type: ['cds', 'hd'] },
        inputs: ['declared', 'verified'],
        activities: quantityCodes.map((code) => ({ code })),
        activityFormulas: {
          gap: 'SAFE_DIV(ABS(declared - verified), verified)',
          penalized: 'IF(gap > 0.1, 1, 0)',
          paid: 'IF(penalized = 1, 0, verified)',
          amount: 'paid * tariff',
        },
        formulas: { total: 'SUM(amount)', with_equity: 'total * (1 + equity_bonus)' },
      },
      {
        code: 'quality',
        frequency: 'quarterly',
        appliesTo: { type: ['cds', 'hd'] },
        inputs: ['points', 'applicable'],
        activities: qualityCodes.map((code, i) => ({ code, constants: { max_points: maxPoints(i) } })),
        activityFormulas: {
          available: 'IF(applicable_is_null, max_points, applicable * max_points)',
          obtained: 'MIN(points, available)',
        },
        formulas: {
          score: 'SAFE_DIV(SUM(obtained), SUM(available))',
          bonus_rate: `SCORE_TABLE(score, ${BONUS_BANDS.join(', ')}, 0)`,
        },
      },
      {
        code: 'district_budget',
        kind: 'zone',
        frequency: 'quarterly',
        appliesTo: { type: ['district'] },
        targets: { type: ['cds', 'hd'] },
        inputs: ['verified'],
        activities: quantityCodes.map((code, a) => ({ code, constants: { tariff: zoneTariff(a) } })),
        activityFormulas: { amount: 'verified * tariff' },
        formulas: { earned: 'SUM(amount)', capped: 'earned * scale' },
        zoneFormulas: { total_earned: 'SUM(earned)', scale: 'MIN(1, SAFE_DIV(quarterly_budget, total_earned))' },
      },
    ],
    decisionTables: [
      {
        package: 'quantity',
        inputs: ['activity', 'type'],
        outputs: ['tariff'],
        rows: ['cds', 'hd'].flatMap((type) => quantityCodes.map((activity, a) => ({ activity, type, tariff: typeTariff(type, a) }))),
      },
      {
        package: 'quantity',
        inputs: ['equity'],
        outputs: ['equity_bonus'],
        rows: Object.entries(EQUITY_BONUS).map(([equity, equity_bonus]) => ({ equity, equity_bonus })),
      },
    ],
    payments: [
      {
        code: 'quarterly_payment',
        frequency: 'quarterly',
        packages: ['quantity', 'quality'],
        formulas: {
          quantity_amount: 'quantity.with_equity',
          quality_bonus: 'quantity_amount * quality.bonus_rate',
          to_pay: 'quantity_amount + quality_bonus',
        },
      },
    ],
  };
}

/** Country → 18 provinces → 10 districts each → facilities (1 hospital in 20). */
export function nationalTree(facilities: number, next: () => number) {
  const units: { id: string; parent?: string; groups?: Record<string, string>; attributes?: Record<string, number> }[] = [
    { id: 'bi' },
  ];
  const districts: string[] = [];
  for (let p = 1; p <= 18; p++) {
    units.push({ id: `p${p}`, parent: 'bi', groups: { type: 'province' } });
    for (let d = 1; d <= 10; d++) {
      const id = `p${p}d${d}`;
      districts.push(id);
      const budget = Math.round((facilities / 180) * 3_000_000 * (0.6 + next() * 0.8));
      units.push({ id, parent: `p${p}`, groups: { type: 'district' }, attributes: { quarterly_budget: budget } });
    }
  }
  for (let f = 0; f < facilities; f++) {
    const equity = `cat${1 + Math.floor(next() * 3)}`;
    units.push({ id: `f${f}`, parent: districts[f % districts.length]!, groups: { type: f % 20 === 0 ? 'hd' : 'cds', equity } });
  }
  const { tree, errors } = OrgUnitTree.build(units);
  if (!tree) throw new Error(JSON.stringify(errors));
  return { tree, units };
}

/** Declared and verified quantities (about 1 line in 8 off by more than 10%) and quality scores. */
export function nationalData(tree: OrgUnitTree, next: () => number): { data: DataSet; values: number } {
  const data = new DataSet(tree);
  const facilities: number[] = [];
  for (let unit = 0; unit < tree.size; unit++) if (tree.units[unit]!.id.startsWith('f')) facilities.push(unit);
  let values = 0;
  for (const month of MONTHS) {
    for (const activity of quantityCodes) {
      const declared = data.writableColumn(month, 'declared', activity);
      const verified = data.writableColumn(month, 'verified', activity);
      for (const unit of facilities) {
        const truth = Math.floor(next() * 200);
        verified[unit] = truth;
        declared[unit] = next() < 0.125 ? Math.round(truth * 1.3) + 1 : truth + (next() < 0.5 ? 1 : 0);
        values += 2;
      }
    }
  }
  qualityCodes.forEach((item, i) => {
    const points = data.writableColumn(QUARTER, 'points', item);
    const applicable = data.writableColumn(QUARTER, 'applicable', item);
    for (const unit of facilities) {
      points[unit] = Math.floor(next() * (maxPoints(i) + 1));
      values++;
      if (next() < 0.9) {
        applicable[unit] = next() < 0.05 ? 0 : 1;
        values++;
      }
    }
  });
  return { data, values };
}
