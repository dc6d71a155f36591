import type { Program } from '../engine/index.ts';
import { OPTIONAL_ITEMS, activityProfile, seasonFactor } from './activityProfiles.ts';
import type { Facility } from './geography.ts';
import { PACKAGES, packageOf } from './programme.ts';
import { Random } from './random.ts';

/** One entered value, as the store keeps it: who entered it is not known (loaded by the demo). */
export interface DemoDataValue {
  readonly orgUnitId: string;
  readonly period: string;
  readonly activity: string;
  readonly state: string;
  readonly value: number;
  /** When it was entered (ISO 8601): declarations early in the next month, then verification, then validation. */
  readonly enteredAt: string;
}

/**
 * How a facility reports. Most declare what their registers show, give or take a slip;
 * some are careless; a few systematically over-declare to earn more, which the 10%
 * tolerance catches and the risk-based verification should flag.
 */
export type Reporting = 'faithful' | 'careless' | 'over_declaring';

export interface Behaviour {
  readonly reporting: Reporting;
  /** Output relative to the catchment's expected demand. */
  readonly productivity: number;
  /** Monthly growth of output, as PBF raises utilisation. */
  readonly growth: number;
  readonly lateReporting: number;
  readonly quality: number;
  readonly qualityGain: number;
  /** Optional checklist items whose service the facility offers. */
  readonly offers: ReadonlySet<string>;
}

export function behaviourOf(seed: number, facility: Facility): Behaviour {
  const random = Random.stream(seed, `behaviour:${facility.id}`);
  const draw = random.next();
  const offers = new Set(Object.entries(OPTIONAL_ITEMS).filter(([, share]) => random.chance(share)).map(([item]) => item));
  return {
    reporting: draw < 0.85 ? 'faithful' : draw < 0.93 ? 'careless' : 'over_declaring',
    productivity: Math.exp(0.25 * random.normal()),
    growth: random.between(0.002, 0.012),
    lateReporting: random.between(0, 0.15),
    quality: random.between(0.45, 0.9),
    qualityGain: random.between(0, 0.03),
    offers,
  };
}

/** Declared, verified and validated quantities of one facility's package for one month. */
export function monthlyQuantities(
  program: Program,
  seed: number,
  facility: Facility,
  behaviour: Behaviour,
  month: { id: string; index: number },
): DemoDataValue[] {
  const random = Random.stream(seed, `${facility.id}:${month.id}`);
  const times = entryTimes(random, month.id, behaviour.lateReporting);
  const calendarMonth = Number(month.id.slice(4));
  const trend = (1 + behaviour.growth) ** month.index;
  const rows: DemoDataValue[] = [];
  for (const activity of packageOf(program, PACKAGES[facility.type].quantity).activities) {
    const profile = activityProfile(activity.code);
    const expected = (profile.perThousand * facility.population * behaviour.productivity * trend * seasonFactor(profile, calendarMonth)) / 1000;
    const verified = random.poisson(expected);
    const declared = declaredFor(random, behaviour.reporting, verified);
    const validated = validatedFor(random, verified);
    const line = { orgUnitId: facility.id, period: month.id, activity: activity.code };
    rows.push(
      { ...line, state: 'declared', value: declared, enteredAt: times.declared },
      { ...line, state: 'verified', value: verified, enteredAt: times.verified },
      { ...line, state: 'validated', value: validated, enteredAt: times.validated },
    );
  }
  return rows;
}

function declaredFor(random: Random, reporting: Reporting, verified: number): number {
  if (reporting === 'over_declaring') return Math.round(verified * random.between(1.08, 1.4)) + random.integer(0, 2);
  if (reporting === 'careless') return Math.max(0, Math.round(verified * random.between(0.88, 1.16)));
  // A slip of a register line now and then, and rarely a page counted twice.
  if (random.chance(0.015)) return Math.round(verified * random.between(1.12, 1.5)) + 1;
  if (random.chance(0.7)) return verified;
  const slip = Math.round(verified * random.between(0.01, 0.06));
  return Math.max(0, verified + (random.chance(0.7) ? slip : -slip));
}

/** The committee confirms the verifier's count, and corrects a few lines downwards after counter-verification. */
function validatedFor(random: Random, verified: number): number {
  if (verified === 0 || !random.chance(0.04)) return verified;
  return verified - random.integer(1, Math.max(1, Math.round(verified * 0.03)));
}

/** Checklist points of one facility for one quarter, and which optional items apply. */
export function quarterlyQuality(
  program: Program,
  seed: number,
  facility: Facility,
  behaviour: Behaviour,
  quarter: { id: string; index: number },
): DemoDataValue[] {
  const random = Random.stream(seed, `${facility.id}:${quarter.id}`);
  const level = behaviour.quality + behaviour.qualityGain * quarter.index + 0.05 * random.normal();
  const enteredAt = dayAfter(quarter.id, random.integer(5, 25));
  const rows: DemoDataValue[] = [];
  for (const item of packageOf(program, PACKAGES[facility.type].quality).activities) {
    const line = { orgUnitId: facility.id, period: quarter.id, activity: item.code, enteredAt };
    const optional = item.code in OPTIONAL_ITEMS;
    const applies = !optional || behaviour.offers.has(item.code);
    if (optional) rows.push({ ...line, state: 'applicable', value: applies ? 1 : 0 });
    if (!applies) continue;
    const maxPoints = item.constants?.max_points ?? 0;
    const points = Math.round(maxPoints * (level + 0.12 * random.normal()));
    rows.push({ ...line, state: 'points', value: Math.min(maxPoints, Math.max(0, points)) });
  }
  return rows;
}

/**
 * One quarter's community survey of a health centre: patients drawn from its registers for
 * each traced service, looked for at home by a community organisation, found or not, found
 * never to have come (ghost patients, the mark of invented register lines), and satisfied.
 * Over-declaring centres have ghosts; careless ones lose more patients to bad addresses.
 */
export function communitySurvey(
  program: Program,
  seed: number,
  facility: Facility,
  behaviour: Behaviour,
  quarter: { id: string; index: number },
): DemoDataValue[] {
  const code = PACKAGES[facility.type].community;
  if (!code) return [];
  const random = Random.stream(seed, `community:${facility.id}:${quarter.id}`);
  const enteredAt = dayAfter(quarter.id, random.integer(10, 30));
  const ghostShare = behaviour.reporting === 'over_declaring' ? random.between(0.06, 0.2) : random.chance(0.1) ? random.between(0.01, 0.04) : 0;
  const lostShare = behaviour.reporting === 'careless' ? random.between(0.08, 0.2) : random.between(0, 0.08);
  const rows: DemoDataValue[] = [];
  for (const service of packageOf(program, code).activities) {
    const traced = random.integer(8, 15);
    const ghost = Math.min(traced, Math.round(traced * ghostShare + (random.chance(ghostShare) ? 1 : 0)));
    const found = Math.max(0, traced - ghost - Math.round(traced * lostShare * random.next() * 2));
    const satisfied = Math.round(found * Math.min(1, Math.max(0, behaviour.quality + 0.15 + 0.1 * random.normal())));
    const line = { orgUnitId: facility.id, period: quarter.id, activity: service.code, enteredAt };
    rows.push(
      { ...line, state: 'traced', value: traced },
      { ...line, state: 'found', value: found },
      { ...line, state: 'ghost', value: ghost },
      { ...line, state: 'satisfied', value: satisfied },
    );
  }
  return rows;
}

/** Declared in the first days of the next month (some late), verified about a week later, then validated. */
function entryTimes(random: Random, month: string, lateReporting: number) {
  const declaredDay = random.chance(lateReporting) ? random.integer(12, 28) : random.integer(1, 8);
  const verifiedDay = declaredDay + random.integer(5, 12);
  const validatedDay = verifiedDay + random.integer(3, 8);
  return { declared: dayAfter(month, declaredDay), verified: dayAfter(month, verifiedDay), validated: dayAfter(month, validatedDay) };
}

/** A working-hours timestamp on day `day` after the end of a month or quarter (days past the month's end roll over). */
function dayAfter(period: string, day: number): string {
  const year = Number(period.slice(0, 4));
  const lastMonth = period.includes('Q') ? Number(period.slice(5)) * 3 : Number(period.slice(4));
  return new Date(Date.UTC(year, lastMonth, day, 7 + (day % 8), (day * 7) % 60)).toISOString();
}
