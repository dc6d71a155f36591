import { prepare, run, type PreparedInputs } from '../../src/engine/pipeline.ts';
import type { RunRequest } from '../../src/engine/index.ts';

/** Prepares decoded inputs or fails the test with the engine's errors. */
export function prepared(raw: { program: unknown; orgUnits: unknown; data: unknown }): PreparedInputs {
  const { prepared: inputs, errors } = prepare(raw);
  if (!inputs) throw new Error(`inputs rejected: ${JSON.stringify(errors, null, 2)}`);
  return inputs;
}

export function compute(raw: { program: unknown; orgUnits: unknown; data: unknown }, request: RunRequest) {
  return run(prepared(raw), request);
}

/** A one-package programme around the given formulas, for short tests. */
export function quantityProgram(overrides: Record<string, unknown> = {}, packageOverrides: Record<string, unknown> = {}) {
  return {
    code: 'test',
    currency: 'BIF',
    packages: [
      {
        code: 'quantity',
        frequency: 'monthly',
        inputs: ['declared', 'verified'],
        activities: [
          { code: 'consultation', constants: { tariff: 250 } },
          { code: 'delivery', constants: { tariff: 9000 } },
        ],
        activityFormulas: { amount: 'verified * tariff' },
        formulas: { total: 'SUM(amount)' },
        ...packageOverrides,
      },
    ],
    ...overrides,
  };
}

export const simpleTree = [
  { id: 'bi', name: 'Burundi' },
  { id: 'ds', parent: 'bi', groups: { type: 'district' } },
  { id: 'cds_a', parent: 'ds', groups: { type: 'cds', equity: 'cat1' } },
  { id: 'cds_b', parent: 'ds', groups: { type: 'cds', equity: 'cat2' } },
];

export function entry(orgUnit: string, period: string, activity: string, state: string, value: number) {
  return { orgUnit, period, activity, state, value };
}
