import { monthPeriod, parsePeriod, quarterPeriod, type Period } from '../engine/model/period.ts';

/**
 * DHIS2 periods as the screens offer, step through and name them: one implementation, the
 * engine's (src/engine/model/period.ts), shared by the server and every screen. Months are
 * counted from year 0 as the engine counts them (year × 12 + month − 1). "Now" is the
 * reader's own calendar: a month is over when it is over where they work.
 */

export { parsePeriod, type Period };

/** The reader's current month, counted as the engine counts months. */
const monthOfDate = (date: Date) => date.getFullYear() * 12 + date.getMonth();

/** A DHIS2 period the programme knows: a month (202403), a quarter (2024Q1) or a year (2024). */
export function isPeriod(id: string | null | undefined): id is string {
  return !!id && parsePeriod(id) !== undefined;
}

/** A month (202403). */
export function isMonth(id: string | null | undefined): id is string {
  return !!id && parsePeriod(id)?.type === 'month';
}

/** A month (202403) or a quarter (2024Q1): the periods data are entered and tracked for, and invoiced and paid by. */
export function isEntryPeriod(id: string | null | undefined): id is string {
  const type = id ? parsePeriod(id)?.type : undefined;
  return type === 'month' || type === 'quarter';
}

/** The current calendar month, for ranges when a programme has no data yet. */
export function thisMonth(now = new Date()): string {
  return monthPeriod(monthOfDate(now)).id;
}

/** Quantities of a month are declared once it has ended: the last completed month is "the current period". */
export function lastCompletedMonth(now = new Date()): string {
  return monthPeriod(monthOfDate(now) - 1).id;
}

/** The last completed quarter, for quarterly packages. */
export function lastCompletedQuarter(now = new Date()): string {
  const month = monthOfDate(now) - 1;
  const quarter = quarterPeriod(month);
  return quarter.lastMonth === month ? quarter.id : quarterPeriod(quarter.firstMonth - 1).id;
}

/** Whether a period is over, so that its figures are complete and can be declared. */
export function hasEnded(period: string, now = new Date()): boolean {
  return parsePeriod(period)!.lastMonth < monthOfDate(now);
}

/** The period `by` steps before or after, of the same kind (a month, a quarter, a year); an unknown id unchanged. */
export function shiftPeriod(period: string, by: number): string {
  const parsed = parsePeriod(period);
  if (!parsed) return period;
  if (parsed.type === 'month') return monthPeriod(parsed.firstMonth + by).id;
  if (parsed.type === 'quarter') return quarterPeriod(parsed.firstMonth + 3 * by).id;
  return String(parsed.firstMonth / 12 + by);
}

/** `count` periods of `last`'s kind ending with it, newest first. */
export function periodsBack(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(last, -i));
}

/** Every month from `from` to `to`, in order: a chart's time axis, gaps included. */
export function monthsBetween(from: string, to: string): string[] {
  const first = parsePeriod(from)?.firstMonth;
  const last = parsePeriod(to)?.lastMonth;
  if (first === undefined || last === undefined) return [];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => monthPeriod(first + i).id);
}

/** A month's quarter, or a quarter's months: the other periods of the same time (none for a year). */
export function relatedPeriods(period: string): string[] {
  const parsed = parsePeriod(period);
  if (parsed?.type === 'month') return [quarterPeriod(parsed.firstMonth).id];
  if (parsed?.type === 'quarter') return [0, 1, 2].map((i) => monthPeriod(parsed.firstMonth + i).id);
  return [];
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

/** A month as `<input type="month">` writes it: 202403 → `2024-03` (empty for anything else). */
export function toIsoMonth(period: string): string {
  const parsed = parsePeriod(period);
  if (parsed?.type !== 'month') return '';
  return `${Math.floor(parsed.firstMonth / 12)}-${String((parsed.firstMonth % 12) + 1).padStart(2, '0')}`;
}

/** An `<input type="month">` value as a DHIS2 month: `2024-03` → 202403 (undefined for anything else). */
export function fromIsoMonth(value: string): string | undefined {
  const id = value.replace('-', '');
  return value.length === 7 && value[4] === '-' && isMonth(id) ? id : undefined;
}

/** What a screen names a period by: its year, and its month (1–12) or quarter (1–4). */
export type PeriodParts = { readonly type: 'month'; readonly year: number; readonly month: number } | { readonly type: 'quarter'; readonly year: number; readonly quarter: number } | { readonly type: 'year'; readonly year: number };

export function periodParts(period: string): PeriodParts | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return undefined;
  const year = Math.floor(parsed.firstMonth / 12);
  if (parsed.type === 'month') return { type: 'month', year, month: (parsed.firstMonth % 12) + 1 };
  if (parsed.type === 'quarter') return { type: 'quarter', year, quarter: (parsed.firstMonth % 12) / 3 + 1 };
  return { type: 'year', year };
}
