import { Decimal } from 'decimal.js';
import type { FunderId } from './funders.ts';
import { Random } from './random.ts';

/**
 * How fast each funder pays after the end of the period it pays, in days: the treasury and
 * the World Bank within about six weeks, the EU's slower procedure within two to four months
 * (the delay dashboards then show one funder slower than the others).
 */
const DELAYS: Readonly<Record<FunderId, { readonly from: number; readonly to: number }>> = {
  government: { from: 18, to: 45 },
  world_bank: { from: 22, to: 50 },
  eu: { from: 45, to: 110 },
};

/** A line paid well after its funder's usual delay: a budget not released in time. */
const LATE_SHARE = 0.08;
/** A line paid in two instalments, the second a month or two after the first. */
const PARTIAL_SHARE = 0.07;
/** Of those, the second instalment never came: the arrears the payer still chases. */
const NEVER_COMPLETED_SHARE = 0.25;

export interface OrderedLine {
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly funderId: FunderId;
  /** As stored, whole francs. */
  readonly amount: string;
  /** The last day of the invoiced period (ISO date). */
  readonly periodEnd: string;
}

export interface PlannedPayment {
  readonly paidOn: string;
  readonly amount: string;
  readonly reference: string;
}

/**
 * The payments of one funder's line of an order, as the funder would have made them by
 * `today`: none yet, one for the whole line, or instalments (the last perhaps still owed).
 * Drawn from the line's own names, so the same demo gets the same payments.
 */
export function plannedPayments(seed: number, line: OrderedLine, today: string): PlannedPayment[] {
  const amount = new Decimal(line.amount);
  if (!amount.greaterThan(0)) return [];
  const random = Random.stream(seed, `pay:${line.orgUnitId}:${line.period}:${line.payment}:${line.funderId}`);
  const usual = DELAYS[line.funderId];
  const delay = random.integer(usual.from, usual.to) + (random.chance(LATE_SHARE) ? random.integer(40, 90) : 0);
  const reference = (n: number) => `${line.funderId.toUpperCase()}-${line.period}-${line.orgUnitId}-${n}`;
  const first = addDays(line.periodEnd, delay);
  let parts: PlannedPayment[];
  if (random.chance(PARTIAL_SHARE)) {
    const share = random.between(0.5, 0.8);
    const part = amount.times(share).floor();
    const rest = amount.minus(part);
    parts = [{ paidOn: first, amount: part.toFixed(0), reference: reference(1) }];
    if (!random.chance(NEVER_COMPLETED_SHARE) && rest.greaterThan(0)) {
      parts.push({ paidOn: addDays(first, random.integer(25, 70)), amount: rest.toFixed(0), reference: reference(2) });
    }
  } else {
    parts = [{ paidOn: first, amount: amount.toFixed(0), reference: reference(1) }];
  }
  return parts.filter((part) => part.paidOn <= today && new Decimal(part.amount).greaterThan(0));
}

/** `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
