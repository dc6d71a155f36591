import type { Program } from '../engine/index.ts';
import { ageOf, demoCalendar, type DemoCalendar } from './calendar.ts';
import { behaviourOf, communitySurvey, monthlyQuantities, quarterlyQuality, type Behaviour, type DemoDataValue } from './dataValues.ts';
import { budgets, funderShares, type Budget, type FunderShare } from './funders.ts';
import { buildGeography, type Facility, type Geography } from './geography.ts';
import { PACKAGES, demoProgramme } from './programme.ts';
import { Random } from './random.ts';

export interface DemoOptions {
  readonly seed: number;
  /** Share of the full demo's facilities (900 health centres, 50 hospitals); tests use a small one. */
  readonly scale: number;
  /** Months of data, ending with the month before `today`'s. */
  readonly months: number;
  /** The clock: the demo's last month is the one before this day's (the real date unless a test fixes it). */
  readonly today: Date;
  /** Invoices, approvals, payment orders and payments for the past periods (off for benchmarks that run their own). */
  readonly history: boolean;
}

export const FULL_DEMO: Omit<DemoOptions, 'today'> = { seed: 20230101, scale: 1, months: 24, history: true };
export const HEALTH_CENTRES = 900;
export const HOSPITALS = 50;

/** Where a facility's package stands for a period when the demo is loaded. */
export type DemoStage = 'open' | 'declared' | 'verified' | 'validated';

export interface Contract {
  readonly orgUnitId: string;
  readonly packages: readonly string[];
  readonly equityCategory: string;
  readonly bankAccount: string;
}

/** Everything the demo stores except the data values, which `demoDataValues` streams. */
export interface Demo {
  readonly options: DemoOptions;
  readonly program: Program;
  readonly geography: Geography;
  readonly behaviours: ReadonlyMap<string, Behaviour>;
  readonly calendar: DemoCalendar;
  readonly months: readonly string[];
  readonly quarters: readonly string[];
  readonly funderShares: readonly FunderShare[];
  readonly budgets: readonly Budget[];
  readonly contracts: readonly Contract[];
}

/** The Burundi-like demo, the same for the same options: every draw comes from `seed`. */
export function generateDemo(options: Partial<DemoOptions> = {}): Demo {
  const settings: DemoOptions = { ...FULL_DEMO, today: new Date(), ...options };
  if (!(settings.scale > 0)) throw new Error(`demo scale: ${settings.scale} must be positive`);
  const calendar = demoCalendar(settings.today, settings.months);
  const geography = buildGeography(settings.seed, {
    healthCentres: Math.max(1, Math.round(HEALTH_CENTRES * settings.scale)),
    hospitals: Math.max(1, Math.round(HOSPITALS * settings.scale)),
  });
  const shares = funderShares(geography.provinces);
  return {
    options: settings,
    program: demoProgramme(),
    geography,
    behaviours: new Map(geography.facilities.map((facility) => [facility.id, behaviourOf(settings.seed, facility)])),
    calendar,
    months: calendar.months,
    quarters: calendar.quarters,
    funderShares: shares,
    budgets: budgets(geography.districts, shares, budgetQuarters(calendar)),
    contracts: geography.facilities.map((facility) => contractOf(settings.seed, facility)),
  };
}

/** Every quarter the months touch, and the current one: the budget burns from the window's first month to today. */
function budgetQuarters(calendar: DemoCalendar): string[] {
  const quarterOf = (month: string) => `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(4)) - 1) / 3) + 1}`;
  return [...new Set([...calendar.months, calendar.currentMonth].map(quarterOf))];
}

/**
 * Where a facility's package stands for a period. Last month is under way: some facilities
 * have not declared yet (the clerk's work), some are declared (the verifier's), verified (the
 * committee's) or validated. A quarter that ended last month is evaluated, waiting for the
 * committee. Everything older is validated (and, with the history, invoiced and beyond).
 */
export function stageOf(demo: Demo, facilityId: string, period: string): DemoStage {
  if (ageOf(demo.calendar, period) > 1) return 'validated';
  if (period.includes('Q')) return 'verified';
  const draw = Random.stream(demo.options.seed, `stage:${facilityId}:${period}`).next();
  return draw < 0.2 ? 'open' : draw < 0.5 ? 'declared' : draw < 0.8 ? 'verified' : 'validated';
}

const STATES_AT: Readonly<Record<DemoStage, ReadonlySet<string>>> = {
  open: new Set(),
  declared: new Set(['declared']),
  verified: new Set(['declared', 'verified']),
  validated: new Set(['declared', 'verified', 'validated']),
};

/**
 * The demo's entered values, one batch per period: each month's quantities (last month's as
 * far as each facility got), then each quarter's checklists and community surveys.
 */
export function* demoDataValues(demo: Demo): Generator<DemoDataValue[]> {
  const { program, options, geography, behaviours } = demo;
  const behaviour = (facility: Facility) => behaviours.get(facility.id)!;
  for (const [index, id] of demo.months.entries()) {
    yield geography.facilities.flatMap((f) => {
      const entered = STATES_AT[stageOf(demo, f.id, id)];
      return monthlyQuantities(program, options.seed, f, behaviour(f), { id, index }).filter((value) => entered.has(value.state));
    });
  }
  for (const [index, id] of demo.quarters.entries()) {
    yield geography.facilities.flatMap((f) => [
      ...quarterlyQuality(program, options.seed, f, behaviour(f), { id, index }),
      ...communitySurvey(program, options.seed, f, behaviour(f), { id, index }),
    ]);
  }
}

const BANKS = ['BANCOBU', 'BCB', 'Interbank Burundi', 'BGF', 'CRDB Burundi'] as const;

function contractOf(seed: number, facility: Facility): Contract {
  const random = Random.stream(seed, `contract:${facility.id}`);
  const digits = Array.from({ length: 11 }, () => random.integer(0, 9)).join('');
  return {
    orgUnitId: facility.id,
    packages: packagesOf(facility.type),
    equityCategory: facility.equity,
    bankAccount: `${random.pick(BANKS)} ${digits}`,
  };
}

/** The packages a facility of a type is contracted for. */
export function packagesOf(type: Facility['type']): string[] {
  const { quantity, quality, community } = PACKAGES[type];
  return [quantity, quality, ...(community ? [community] : [])];
}
