import type { RouteContract } from '../http.ts';
import * as invoiceRuns from './invoiceRuns.ts';
import * as jobs from './jobs.ts';
import * as system from './system.ts';

/**
 * Every route of the API, by area: the server must register a handler for each, under the
 * same object (src/server/contractCheck.ts), and none other.
 */
export const API_ROUTES: readonly RouteContract[] = [invoiceRuns, jobs, system].flatMap((area) => Object.values(area).filter(isRoute));

/** An area module also exports the named schemas of its records: only its routes are routes. */
function isRoute(value: unknown): value is RouteContract {
  return typeof value === 'object' && value !== null && 'method' in value && 'url' in value && 'response' in value;
}
