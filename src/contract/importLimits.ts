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
} as const;
