import type { RouteContract } from '../http.ts';
import * as system from './system.ts';

/**
 * Every route of the API, by area: the server must register a handler for each, under the
 * same object (src/server/contractCheck.ts), and none other.
 */
export const API_ROUTES: readonly RouteContract[] = [system].flatMap((area) => Object.values(area));
