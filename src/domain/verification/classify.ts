import { Exact } from './exact.ts';
import type { DrawParameters, RiskReasons } from '../../contract/api/verification.ts';
import type { RiskClass } from '../../contract/verification.ts';

/** A gap between two states of one month: Σ|a − b| over activities holding both, and Σ b. */
export interface Pair {
  readonly difference: string;
  readonly base: string;
  readonly activities: number;
}

/** One month of a facility's history, as sums over its activities. */
export interface MonthFigures {
  readonly period: string;
  readonly declaredVerified: Pair | null;
  readonly verifiedValidated: Pair | null;
  /** Σ declared and Σ validated over activities holding both. */
  readonly validation: { readonly declared: string; readonly validated: string } | null;
}

export interface FacilityHistory {
  /** The months before the period, oldest first. */
  readonly window: readonly string[];
  /** Months of the window when the facility was not drawn: its verified values were estimated. */
  readonly notVerified: readonly string[];
  /** Months of the window with data, in window order. */
  readonly months: readonly MonthFigures[];
}

/** The history of a facility that has no data in the window. */
export function noHistory(window: readonly string[]): FacilityHistory {
  return { window: [...window], notVerified: [], months: [] };
}


/** The reasons known from history alone; the draw adds whether the facility is always drawn. */
export type ClassificationReasons = Omit<RiskReasons, 'alwaysDrawn'>;

export interface Classification {
  readonly riskClass: RiskClass;
  readonly validationRate: number;
  readonly reasons: ClassificationReasons;
}

type Measure = 'declaredVerified' | 'verifiedValidated';
const MEASURES: readonly Measure[] = ['declaredVerified', 'verifiedValidated'];

/** Classifies one facility from its history; see docs/risk-based-verification.md. */
export function classify(history: FacilityHistory, parameters: DrawParameters): Classification {
  const periods = history.months.map((month) => ({
    period: month.period,
    declaredVerified: gapOf(month.declaredVerified),
    verifiedValidated: gapOf(month.verifiedValidated),
  }));
  const averages = new Map(MEASURES.map((measure) => [measure, mean(periods.flatMap((p) => (p[measure] ? [p[measure].exact] : [])))]));
  const { score, measure } = largest(averages);
  const { moderate, high } = parameters.thresholds;
  const rule = score === null ? 'no_history' : score.gt(high) ? 'above_high' : score.gte(moderate) ? 'moderate' : 'below_moderate';
  const validation = validationRate(history.months);
  return {
    riskClass: rule === 'below_moderate' ? 'low' : rule === 'moderate' ? 'moderate' : 'high',
    validationRate: validation.rate,
    reasons: {
      window: [...history.window],
      notVerified: [...history.notVerified],
      periods: periods.map((p) => ({ period: p.period, declaredVerified: p.declaredVerified?.shown ?? null, verifiedValidated: p.verifiedValidated?.shown ?? null })),
      average: { declaredVerified: numberOrNull(averages.get('declaredVerified')), verifiedValidated: numberOrNull(averages.get('verifiedValidated')) },
      score: numberOrNull(score),
      measure,
      thresholds: { moderate, high },
      rule,
      validation,
    },
  };
}

function gapOf(pair: Pair | null) {
  if (!pair) return null;
  const difference = new Exact(pair.difference);
  const base = new Exact(pair.base);
  // Declared activity of which nothing was confirmed is a total discrepancy, not a zero one.
  const exact = base.isZero() ? new Exact(difference.isZero() ? 0 : 1) : difference.div(base);
  return { exact, shown: { difference: difference.toNumber(), base: base.toNumber(), activities: pair.activities, gap: exact.toNumber() } };
}

function mean(values: readonly Exact[]): Exact | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum.plus(value), new Exact(0)).div(values.length);
}

/** The larger average decides: a facility is as risky as its worst discrepancy. */
function largest(averages: Map<Measure, Exact | null>): { score: Exact | null; measure: Measure | null } {
  let best: { score: Exact | null; measure: Measure | null } = { score: null, measure: null };
  for (const measure of MEASURES) {
    const value = averages.get(measure) ?? null;
    if (value && (!best.score || value.gt(best.score))) best = { score: value, measure };
  }
  return best;
}

/** Σ validated / Σ declared over the window, within [0, 1]; 1 when it cannot be computed. */
function validationRate(months: readonly MonthFigures[]) {
  let declared = new Exact(0);
  let validated = new Exact(0);
  for (const month of months) {
    if (!month.validation) continue;
    declared = declared.plus(month.validation.declared);
    validated = validated.plus(month.validation.validated);
  }
  const computed = declared.gt(0);
  const rate = computed ? Exact.min(1, Exact.max(0, validated.div(declared))) : new Exact(1);
  return { declared: declared.toNumber(), validated: validated.toNumber(), rate: rate.toNumber(), computed };
}

function numberOrNull(value: Exact | null | undefined): number | null {
  return value ? value.toNumber() : null;
}
