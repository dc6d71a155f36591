import { isRoute, type RouteContract } from '../http.ts';
import * as audit from './audit.ts';
import * as auth from './auth.ts';
import * as dashboards from './dashboards.ts';
import * as dataValues from './dataValues.ts';
import * as dryRun from './dryRun.ts';
import * as funders from './funders.ts';
import * as invoiceRuns from './invoiceRuns.ts';
import * as invoices from './invoices.ts';
import * as jobs from './jobs.ts';
import * as orgUnits from './orgUnits.ts';
import * as payments from './payments.ts';
import * as programmes from './programmes.ts';
import * as publicResults from './public.ts';
import * as system from './system.ts';
import * as users from './users.ts';
import * as verification from './verification.ts';
import * as workflow from './workflow.ts';

/**
 * Every route of the API, by area: the server must register a handler for each, under the
 * same object (src/server/contractCheck.ts), and none other.
 */
export const API_ROUTES: readonly RouteContract[] = [
  audit,
  auth,
  dashboards,
  dataValues,
  dryRun,
  funders,
  invoiceRuns,
  invoices,
  jobs,
  orgUnits,
  payments,
  programmes,
  publicResults,
  system,
  users,
  verification,
  workflow,
].flatMap((area) => Object.values(area).filter(isRoute));
