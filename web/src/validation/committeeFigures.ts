import { penaltyLines, penaltyTotals, type PenaltyLine, type PenaltyTotals } from '../../../src/domain/penalties/penaltyLines.ts';
import { roundMoney } from '../../../src/domain/money.ts';
import type { Locale } from '../../../src/engine/index.ts';
import type { Entry, FacilityRules } from '../field/compute.ts';
import { checklistScore, scoreFormulaOf, type ChecklistScore } from './checklistScore.ts';

/** What a payment of the period would pay the facility, rounded as its invoice will be. */
export interface PaymentDue {
  readonly code: string;
  readonly name: string | undefined;
  readonly amount: string;
}

/** A facility's package as the committee is about to lock it, computed by the programme's formulas. */
export interface CommitteeFigures {
  /** Declared penalties by activity; empty when the package declares none. */
  readonly penalties: ReadonlyMap<string, PenaltyLine>;
  readonly totals: PenaltyTotals;
  /** Monthly payments reading the package, for a month; none for a quarter, whose payments read months not on screen. */
  readonly payments: readonly PaymentDue[];
  /** Whether the package declares penalties at all: without a declaration nothing tells a breach. */
  readonly declared: boolean;
  /** A checklist's points obtained and available and its score, when a formula divides one sum by the other. */
  readonly checklist?: ChecklistScore;
  readonly errors: readonly string[];
}

/**
 * The package computed with the engine on the values shown, as the verifier's visit is: the
 * verified figure stands for a validated one not entered, as the validate step will store it.
 */
export function committeeFigures(
  rules: FacilityRules,
  code: string,
  period: string,
  entries: readonly Entry[],
  currencyDecimals: number,
  locale: Locale,
): CommitteeFigures {
  const pkg = rules.package(code);
  const computed = rules.compute(code, period, entries, locale);
  const none = { penalties: new Map(), totals: penaltyTotals([]), payments: [], declared: pkg?.penalties !== undefined };
  if (!pkg || !('figures' in computed)) return { ...none, errors: 'errors' in computed ? computed.errors : [] };
  const { figures } = computed;
  const lines = penaltyLines(pkg, figures.activity);
  const monthly = /^\d{6}$/.test(period) ? (rules.program?.payments ?? []).filter((payment) => payment.frequency === 'monthly' && payment.packages.includes(code)) : [];
  const payments = monthly.flatMap((payment) => {
    const value = figures.payment(payment.code);
    return value === undefined ? [] : [{ code: payment.code, name: payment.name, amount: roundMoney(value, currencyDecimals).toFixed(currencyDecimals) }];
  });
  const scoring = scoreFormulaOf(pkg);
  return {
    ...none,
    ...(scoring ? { checklist: checklistScore(pkg, scoring, figures) } : {}),
    penalties: new Map(lines.map((line) => [line.activity, line])),
    totals: penaltyTotals(lines),
    payments,
    errors: figures.errors,
  };
}

/** A sheet's stored values as the engine reads them. */
export function entriesOf(values: readonly { period: string; activity: string; state: string; value: number }[]): Entry[] {
  return values.map(({ period, activity, state, value }) => ({ period, activity, state, value }));
}
