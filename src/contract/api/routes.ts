import type { RouteContract } from '../http.ts';
import * as audit from './audit.ts';
import * as auth from './auth.ts';
import * as dashboards from './dashboards.ts';
import * as dataValues from './dataValues.ts';
import * as publicResults from './public.ts';
import * as system from './system.ts';
import * as users from './users.ts';

/** An area module's exports are its routes and the named schemas of the records they answer. */
function isRoute(value: unknown): value is RouteContract {
  return typeof value === 'object' && value !== null && 'method' in value && 'url' in value && 'response' in value;
}

/**
 * Every route of the API, by area: the server must register a handler for each, under the
 * same object (src/server/contractCheck.ts), and none other.
 */
export const API_ROUTES: readonly RouteContract[] = [audit, auth, dashboards, dataValues, publicResults, system, users].flatMap((area) =>
  Object.values(area).filter(isRoute),
);
