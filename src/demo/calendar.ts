import { monthPeriod, parsePeriod, quarterPeriod } from '../engine/model/period.ts';

/**
 * The demo's months, placed by the clock so that it is alive whatever the day it is loaded:
 * the current month open for entry (no data yet), last month in progress (some facilities
 * declared, verified or validated), and every month before it validated and invoiced.
 */
export interface DemoCalendar {
  /** The day the demo is loaded (ISO date): no payment is dated after it. */
  readonly today: string;
  /** The month under way, outside the demo's data: open for the clerk. */
  readonly currentMonth: string;
  /** The last `count` months, oldest first, ending with last month. */
  readonly months: readonly string[];
  /**
   * The quarters whose three months are all in `months`: those with quality checklists and
   * community surveys. With 5 months or more, the last complete quarter is one of them; the
   * quarter the window starts in part-way has monthly invoices only.
   */
  readonly quarters: readonly string[];
}

/** The calendar of `count` months ending the month before `today` (in UTC). */
export function demoCalendar(today: Date, count: number): DemoCalendar {
  if (!Number.isInteger(count) || count < 3) throw new Error(`demo months: ${count} must be a whole number of at least 3`);
  if (Number.isNaN(today.getTime())) throw new Error('demo today: not a date');
  const current = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const first = current - count;
  const months = Array.from({ length: count }, (_, i) => monthPeriod(first + i).id);
  const firstWhole = Math.ceil(first / 3) * 3;
  const quarters: string[] = [];
  for (let month = firstWhole; month + 2 < current; month += 3) quarters.push(quarterPeriod(month).id);
  return { today: today.toISOString().slice(0, 10), currentMonth: monthPeriod(current).id, months, quarters };
}

/**
 * How many months before the current one a period ends: 1 for last month and for a quarter
 * that ended last month. The demo's history is decided by it.
 */
export function ageOf(calendar: DemoCalendar, period: string): number {
  const parsed = parsePeriod(period)!;
  return parsePeriod(calendar.currentMonth)!.firstMonth - parsed.lastMonth;
}
