import { IMPORT_LIMITS } from '../../contract/importLimits.ts';
import { AppError } from '../errors.ts';

const format = (n: number) => n.toLocaleString('en');

/** 413 for an import of more rows than it may hold, naming both; `counted` says what a row is. */
export function tooManyRows(rows: number, counted: string): AppError {
  return new AppError(
    413,
    'IMPORT_TOO_LARGE',
    `the import has ${format(rows)} rows (${counted}); an import takes at most ${format(IMPORT_LIMITS.rows)}: split the file`,
    { limit: 'rows', max: IMPORT_LIMITS.rows, rows },
  );
}

/** Refuses rows beyond the limit, before any work per row. */
export function checkRowCount(rows: number, counted: string): void {
  if (rows > IMPORT_LIMITS.rows) throw tooManyRows(rows, counted);
}

/** Refuses rows about more distinct periods than the limit, before they are checked. */
export function checkPeriodCount(periods: ReadonlySet<string>): void {
  if (periods.size <= IMPORT_LIMITS.periods) return;
  throw new AppError(
    422,
    'IMPORT_TOO_MANY_PERIODS',
    `the import is about ${format(periods.size)} periods; an import takes at most ${format(IMPORT_LIMITS.periods)}: split it by period`,
    { limit: 'periods', max: IMPORT_LIMITS.periods, periods: periods.size },
  );
}
