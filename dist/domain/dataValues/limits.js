import { AppError } from "../errors.js";
/**
 * What one import may hold, so that one request's memory and time stay bounded whatever it
 * sends (docs/api.md cites these). Measured at the limits (100,000 rows over 120 months, CSV,
 * on this project's 2-core machine): a dry run completes in a heap of 144 MB (not 128: the
 * server holds about 60 MB before it), in 3 s on either backend; a write of as many new values
 * takes 7 s on PostgreSQL and 13 s on PGlite, holding the rows' locks meanwhile. The demo's
 * national month of declared quantities is 14,000 rows (900 health centres × 15 activities,
 * 50 hospitals × 10): seven such months fit in one import.
 */
export const IMPORT_LIMITS = {
    /** Rows: JSON array items, or CSV lines after the header. */
    rows: 100_000,
    /** Distinct periods: ten years of months. */
    periods: 120,
    /** Bytes of the request body: 100,000 JSON rows with long ids take about 16 MB. */
    bodyBytes: 16 * 1024 * 1024,
};
const format = (n) => n.toLocaleString('en');
/** 413 for an import of more rows than it may hold, naming both; `counted` says what a row is. */
export function tooManyRows(rows, counted) {
    return new AppError(413, 'IMPORT_TOO_LARGE', `the import has ${format(rows)} rows (${counted}); an import takes at most ${format(IMPORT_LIMITS.rows)}: split the file`, { limit: 'rows', max: IMPORT_LIMITS.rows, rows });
}
/** Refuses rows beyond the limit, before any work per row. */
export function checkRowCount(rows, counted) {
    if (rows > IMPORT_LIMITS.rows)
        throw tooManyRows(rows, counted);
}
/** Refuses rows about more distinct periods than the limit, before they are checked. */
export function checkPeriodCount(periods) {
    if (periods.size <= IMPORT_LIMITS.periods)
        return;
    throw new AppError(422, 'IMPORT_TOO_MANY_PERIODS', `the import is about ${format(periods.size)} periods; an import takes at most ${format(IMPORT_LIMITS.periods)}: split it by period`, { limit: 'periods', max: IMPORT_LIMITS.periods, periods: periods.size });
}
//# sourceMappingURL=limits.js.map