import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../domain/actor.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '../../contract/periodBounds.ts';
import { budgetBurn } from '../../domain/dashboards/budgetBurn.ts';
import { dataExtent } from '../../domain/dashboards/dataExtent.ts';
import { delaysByFunder } from '../../domain/dashboards/delaysByFunder.ts';
import { paymentsOverTime } from '../../domain/dashboards/paymentsOverTime.ts';
import { programmeFacts, type ProgrammeFacts } from '../../domain/dashboards/programmeFacts.ts';
import { qualityOverTime } from '../../domain/dashboards/qualityOverTime.ts';
import { qualityVsQuantity } from '../../domain/dashboards/qualityVsQuantity.ts';
import { quantityByUnit } from '../../domain/dashboards/quantityByUnit.ts';
import { quantityOverTime } from '../../domain/dashboards/quantityOverTime.ts';
import { monthRange } from '../../domain/dashboards/range.ts';
import { RANKINGS, rankings } from '../../domain/dashboards/rankings.ts';
import { reporting } from '../../domain/dashboards/reporting.ts';
import { dashboardScope } from '../../domain/dashboards/scope.ts';
import { errors } from '../../domain/errors.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { errorResponses, page, pageQuery, planningPeriod, programmeParams } from '../../contract/api/common.ts';
import { dashboardSchemas as s } from './dashboardSchemas.ts';

const tags = ['dashboards'];
const base = '/programmes/:programmeId/dashboards';

const month = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'expected a month like 202401').and(planningPeriod);
const rootField = z.string().min(1).optional().describe('the subtree to read (default: the user’s whole scope)');
const rangeQuery = z.object({ root: rootField, from: month.describe('first month'), to: month.describe('last month (at most 60 months after from)') });
const packageQuery = rangeQuery.extend({ package: z.string().min(1).optional().describe('one quantity package (default: all)') });
const unitRef = z.object({ id: z.string(), name: z.string() });

interface RangeRequest {
  readonly params: { readonly programmeId: string };
  readonly query: { readonly root?: string | undefined; readonly from: string; readonly to: string };
}

/**
 * Read-only aggregates for the dashboards, every one over a subtree (the user's whole scope
 * by default, 403 outside it) and a range of months. See docs/dashboards.md for what each
 * figure counts.
 */
export async function dashboardRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  /** The range (400 naming the field), then the subtree (403 or 404). */
  async function input(actor: Actor, request: RangeRequest) {
    const { programmeId } = request.params;
    const range = monthRange(request.query.from, request.query.to);
    const scope = await dashboardScope(db, actor, programmeId, request.query.root);
    return { programmeId, range, scope, units: scope.ids };
  }

  async function quantityPackage(programmeId: string, code: string | undefined): Promise<ProgrammeFacts> {
    const facts = await programmeFacts(db, programmeId);
    if (code !== undefined && !facts.quantityPackages.includes(code)) {
      const known = facts.quantityPackages.map((pkg) => `'${pkg}'`).join(', ') || 'none';
      throw errors.validation(`package: '${code}' is not a quantity package of programme '${programmeId}' (its quantity packages: ${known})`, [{ at: 'package' }]);
    }
    return facts;
  }

  r.get(
    `${base}/periods`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'The first and last months holding entered values, for choosing a range',
        params: programmeParams,
        response: { 200: z.object({ first: z.string().nullable(), last: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read');
      return dataExtent(db, programmeId);
    },
  );

  r.get(
    `${base}/quantity`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Declared, verified and validated quantities per month and quantity package',
        params: programmeParams,
        querystring: packageQuery,
        response: { 200: z.object({ items: z.array(s.quantityPoint) }), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, range, units } = await input(actorOf(request), request);
      const facts = await quantityPackage(programmeId, request.query.package);
      return quantityOverTime(db, { programmeId, units, range, facts, package: request.query.package });
    },
  );

  r.get(
    `${base}/quantity-by-unit`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Declared, verified and validated quantities of the range per unit one level below the root',
        params: programmeParams,
        querystring: packageQuery,
        response: {
          200: z.object({ root: unitRef.nullable(), trail: z.array(unitRef), items: z.array(s.unitQuantity) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { programmeId, range, scope, units } = await input(actorOf(request), request);
      const facts = await quantityPackage(programmeId, request.query.package);
      return quantityByUnit(db, { programmeId, units, range, facts, package: request.query.package }, scope);
    },
  );

  r.get(
    `${base}/quality`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Quality scores per quarter: average, lowest, highest, facilities scored',
        params: programmeParams,
        querystring: rangeQuery,
        response: { 200: z.object({ items: z.array(s.qualityPoint) }), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, range, units } = await input(actorOf(request), request);
      return qualityOverTime(db, { programmeId, units, range, facts: await programmeFacts(db, programmeId) });
    },
  );

  r.get(
    `${base}/rankings`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Facilities ranked by amount paid, average quality score or discrepancy (declared against verified)',
        params: programmeParams,
        querystring: rangeQuery.extend(pageQuery.shape).extend({
          by: z.enum(RANKINGS),
          order: z.enum(['asc', 'desc']).default('desc'),
        }),
        response: { 200: page(s.ranked), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, range, scope } = await input(actorOf(request), request);
      const { by, order, limit, offset } = request.query;
      return rankings(db, { programmeId, scope, range, facts: await programmeFacts(db, programmeId), by, order, limit, offset });
    },
  );

  r.get(
    `${base}/quality-vs-quantity`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Per facility with a quality score: its average score and its validated quantities',
        params: programmeParams,
        querystring: rangeQuery,
        response: { 200: z.object({ items: z.array(s.facilityPoint) }), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, range, scope, units } = await input(actorOf(request), request);
      return qualityVsQuantity(db, { programmeId, units, range, scope, facts: await programmeFacts(db, programmeId) });
    },
  );

  r.get(
    `${base}/payments`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Ordered and paid per funder, by the month the invoiced period ends in',
        params: programmeParams,
        querystring: rangeQuery,
        response: { 200: z.object({ items: z.array(s.funderMonth) }), ...errorResponses },
      },
    },
    async (request) => paymentsOverTime(db, await input(actorOf(request), request)),
  );

  r.get(
    `${base}/payment-delays`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Per funder: median and average days from period end to payment, and the share of lines paid late or overdue',
        params: programmeParams,
        querystring: rangeQuery.extend({
          lateAfterDays: z.coerce.number().int().min(0).max(3650).default(60),
          asOf: z.iso.date().optional().describe('the date delays are measured at (default: today)'),
        }),
        response: {
          200: z.object({ lateAfterDays: z.number(), asOf: z.string(), items: z.array(s.funderDelay) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { lateAfterDays } = request.query;
      const asOf = request.query.asOf ?? new Date().toISOString().slice(0, 10);
      const { items } = await delaysByFunder(db, { ...(await input(actorOf(request), request)), lateAfterDays, asOf });
      return { lateAfterDays, asOf, items };
    },
  );

  r.get(
    `${base}/budget-burn`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'A year’s budgets against what was ordered and paid per funder, with a linear forecast to December',
        params: programmeParams,
        querystring: z.object({ root: rootField, year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR) }),
        response: { 200: s.budgetBurn, ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      const scope = await dashboardScope(db, actorOf(request), programmeId, request.query.root);
      return budgetBurn(db, { programmeId, units: scope.ids, year: request.query.year });
    },
  );

  r.get(
    `${base}/reporting`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Completeness (facility-months declared) and timeliness (declared within N days of the month’s end) per month',
        params: programmeParams,
        querystring: rangeQuery.extend({ withinDays: z.coerce.number().int().min(0).max(365).default(10) }),
        response: { 200: s.reporting, ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, range, scope } = await input(actorOf(request), request);
      return reporting(db, { programmeId, scope, range, withinDays: request.query.withinDays });
    },
  );
}
