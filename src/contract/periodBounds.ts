import { parsePeriod } from '../engine/index.ts';

/**
 * The periods a programme's records may name. PBF programmes started in the 2000s; rules,
 * shares and budgets are planned a few decades ahead at most; values, steps, runs, orders and
 * draws are about periods that have begun. A period past these, such as 999912, is a typing
 * error that would move every dashboard's range, never a real one.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const monthOf = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** Why `period` may not be planned for (rules, shares, budgets), or undefined. */
export function planningProblem(period: string): string | undefined {
  const parsed = parsePeriod(period);
  if (!parsed) return `'${period}' is not a DHIS2 period (202401, 2024Q1 or 2024)`;
  const year = Math.floor(parsed.firstMonth / 12);
  if (year < FIRST_YEAR || year > LAST_YEAR) return `'${period}' is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`;
  return undefined;
}

/** Why data may not be entered, stepped, invoiced or paid for `period` on `today`, or undefined. */
export function entryProblem(period: string, today = new Date()): string | undefined {
  const planned = planningProblem(period);
  if (planned) return planned;
  if (parsePeriod(period)!.firstMonth > monthOf(today)) return `'${period}' has not begun yet`;
  return undefined;
}
