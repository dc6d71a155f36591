import { monthPeriod, parsePeriod, quarterPeriod } from '../../../src/engine/model/period.ts';

/**
 * The periods the entry and validation screens offer. Quantities of a month are declared once
 * it has ended, so "the current period" is the last completed month, and for quarterly
 * packages the last completed quarter.
 */
const absoluteMonth = (date: Date) => date.getFullYear() * 12 + date.getMonth();

export function lastCompletedMonth(now = new Date()): string {
  return monthPeriod(absoluteMonth(now) - 1).id;
}

export function lastCompletedQuarter(now = new Date()): string {
  const month = absoluteMonth(now) - 1;
  const quarter = quarterPeriod(month);
  return quarter.lastMonth === month ? quarter.id : quarterPeriod(quarter.firstMonth - 1).id;
}

/** Whether a period is over, so that its figures are complete and can be declared. */
export function hasEnded(period: string, now = new Date()): boolean {
  return parsePeriod(period)!.lastMonth < absoluteMonth(now);
}

/** `count` months ending with `last`, newest first. */
export function monthsBack(last: string, count: number): string[] {
  const end = parsePeriod(last)!.firstMonth;
  return Array.from({ length: count }, (_, i) => monthPeriod(end - i).id);
}

/** `count` quarters ending with `last`, newest first. */
export function quartersBack(last: string, count: number): string[] {
  const end = parsePeriod(last)!.firstMonth;
  return Array.from({ length: count }, (_, i) => quarterPeriod(end - 3 * i).id);
}

export function isMonth(id: string | null | undefined): id is string {
  return !!id && parsePeriod(id)?.type === 'month';
}

/** A month (202403) or a quarter (2024Q1): the periods data are entered and tracked for. */
export function isEntryPeriod(id: string | null | undefined): id is string {
  const type = id ? parsePeriod(id)?.type : undefined;
  return type === 'month' || type === 'quarter';
}

/** The month whose entry screen shows a period's values: the last month of a quarter. */
export function entryMonthOf(period: string): string {
  return monthPeriod(parsePeriod(period)!.lastMonth).id;
}

/** Whether a rules version effective from `effectiveFrom` is already in force in `period`. */
export function inForce(effectiveFrom: string, period: string): boolean {
  const from = parsePeriod(effectiveFrom);
  const at = parsePeriod(period);
  return !!from && !!at && from.firstMonth <= at.firstMonth;
}
