import { monthPeriod, parsePeriod, quarterPeriod } from '../../engine/model/period.ts';
import { errors } from '../errors.ts';

/** The longest range a dashboard reads: five years of months keeps every query bounded. */
export const MAX_MONTHS = 60;

/**
 * A dashboard's period range, from one month to another. Every period is placed at the month
 * it ends in: a month at itself, a quarter at its last month, so monthly and quarterly
 * invoices share one time axis and a quarter is in the range when its last month is.
 */
export interface MonthRange {
  readonly from: string;
  readonly to: string;
  readonly months: readonly string[];
  readonly quarters: readonly string[];
  /** The months and quarters of the range: the periods of data values and invoices it reads. */
  readonly periods: readonly string[];
}

/** Checks and expands `from`..`to`; a 400 names the field at fault. */
export function monthRange(from: string, to: string): MonthRange {
  const first = monthOf(from, 'from');
  const last = monthOf(to, 'to');
  if (last < first) throw errors.validation(`to: '${to}' is before from '${from}'`, [{ at: 'to' }]);
  if (last - first + 1 > MAX_MONTHS) {
    throw errors.validation(`to: the range ${from}–${to} spans ${last - first + 1} months; at most ${MAX_MONTHS}`, [{ at: 'to' }]);
  }
  const months: string[] = [];
  const quarters: string[] = [];
  for (let month = first; month <= last; month++) {
    months.push(monthPeriod(month).id);
    if (month % 3 === 2) quarters.push(quarterPeriod(month).id);
  }
  return { from, to, months, quarters, periods: [...months, ...quarters] };
}

/** The range of a calendar year. */
export function yearRange(year: number): MonthRange {
  return monthRange(`${year}01`, `${year}12`);
}

/** The month (`202403`) a month or quarter ends in. */
export function endMonth(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.type === 'year') return period;
  return monthPeriod(parsed.lastMonth).id;
}

/** The quarter (`2024Q1`) holding a month, or a quarter itself. */
export function quarterOf(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed || parsed.type === 'year') return period;
  return quarterPeriod(parsed.lastMonth).id;
}

function monthOf(id: string, field: string): number {
  const period = parsePeriod(id);
  if (!period || period.type !== 'month') throw errors.validation(`${field}: '${id}' is not a month like 202401`, [{ at: field }]);
  return period.firstMonth;
}
