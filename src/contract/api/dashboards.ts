import { z } from 'zod';
import { route } from '../http.ts';
import { FIRST_YEAR, LAST_YEAR } from '../periodBounds.ts';
import { RANKINGS, SORT_ORDERS } from '../rankings.ts';
import { page, pageQuery, planningPeriod, programmeParams } from './common.ts';

/**
 * Read-only aggregates for the dashboards, every one over a subtree (the user's whole scope
 * by default, 403 outside it) and a range of months; amounts are numbers (sums for charts),
 * counts integers. See docs/dashboards.md for what each figure counts.
 */
const tags = ['dashboards'];
const base = '/programmes/:programmeId/dashboards';

const month = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'expected a month like 202401').and(planningPeriod);
const rootField = z.string().min(1).optional().describe('the subtree to read (default: the user’s whole scope)');
const rangeQuery = z.object({ root: rootField, from: month.describe('first month'), to: month.describe('last month (at most 60 months after from)') });
const packageQuery = rangeQuery.extend({ package: z.string().min(1).optional().describe('one quantity package (default: all)') });

const totals = { declared: z.number(), verified: z.number(), validated: z.number() };
const funder = { funderId: z.string(), funderName: z.string().nullable() };

export const unitRef = z.object({ id: z.string(), name: z.string() });
export const quantityPoint = z.object({ period: z.string(), package: z.string(), ...totals });
export const unitQuantity = z.object({ id: z.string(), name: z.string(), leaf: z.boolean(), ...totals });
export const quantityAcrossTree = z.object({ root: unitRef.nullable(), trail: z.array(unitRef), items: z.array(unitQuantity) });
export const qualityPoint = z.object({ period: z.string(), average: z.number(), min: z.number(), max: z.number(), facilities: z.number() });
export const ranked = z.object({ rank: z.number(), orgUnitId: z.string(), name: z.string(), parentName: z.string().nullable(), value: z.number() });
export const facilityPoint = z.object({ orgUnitId: z.string(), name: z.string(), parentName: z.string().nullable(), quality: z.number(), validated: z.number() });
export const funderMonth = z.object({ month: z.string(), ...funder, ordered: z.number(), paid: z.number() });
export const funderDelay = z.object({
  ...funder,
  lines: z.number(),
  paidLines: z.number(),
  medianDays: z.number().nullable(),
  averageDays: z.number().nullable(),
  lateLines: z.number(),
  lateShare: z.number().nullable(),
});
export const budgetBurn = z.object({
  year: z.number(),
  budget: z.number(),
  ordered: z.number(),
  paid: z.number(),
  forecast: z.number().nullable(),
  funders: z.array(
    z.object({
      funderId: z.string().nullable(),
      funderName: z.string().nullable(),
      budget: z.number(),
      ordered: z.number(),
      paid: z.number(),
      forecast: z.number().nullable(),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string(),
      ordered: z.number(),
      paid: z.number(),
      cumulativeOrdered: z.number(),
      cumulativePaid: z.number(),
      forecastCumulative: z.number().nullable(),
    }),
  ),
});
export const reporting = z.object({
  withinDays: z.number(),
  expected: z.number(),
  declared: z.number(),
  onTime: z.number(),
  items: z.array(z.object({ month: z.string(), expected: z.number(), declared: z.number(), onTime: z.number() })),
});

export const dashboardPeriods = route({
  method: 'GET',
  url: `${base}/periods`,
  tags,
  summary: 'The first and last months holding entered values, for choosing a range',
  params: programmeParams,
  response: { 200: z.object({ first: z.string().nullable(), last: z.string().nullable() }) },
});

export const quantityOverTime = route({
  method: 'GET',
  url: `${base}/quantity`,
  tags,
  summary: 'Declared, verified and validated quantities per month and quantity package',
  params: programmeParams,
  querystring: packageQuery,
  response: { 200: z.object({ items: z.array(quantityPoint) }) },
});

export const quantityByUnit = route({
  method: 'GET',
  url: `${base}/quantity-by-unit`,
  tags,
  summary: 'Declared, verified and validated quantities of the range per unit one level below the root',
  params: programmeParams,
  querystring: packageQuery,
  response: { 200: quantityAcrossTree },
});

export const qualityOverTime = route({
  method: 'GET',
  url: `${base}/quality`,
  tags,
  summary: 'Quality scores per quarter: average, lowest, highest, facilities scored',
  params: programmeParams,
  querystring: rangeQuery,
  response: { 200: z.object({ items: z.array(qualityPoint) }) },
});

export const rankings = route({
  method: 'GET',
  url: `${base}/rankings`,
  tags,
  summary: 'Facilities ranked by amount paid, average quality score or discrepancy (declared against verified)',
  params: programmeParams,
  querystring: rangeQuery.extend(pageQuery.shape).extend({ by: z.enum(RANKINGS), order: z.enum(SORT_ORDERS).default('desc') }),
  response: { 200: page(ranked) },
});

export const qualityVsQuantity = route({
  method: 'GET',
  url: `${base}/quality-vs-quantity`,
  tags,
  summary: 'Per facility with a quality score: its average score and its validated quantities',
  params: programmeParams,
  querystring: rangeQuery,
  response: { 200: z.object({ items: z.array(facilityPoint) }) },
});

export const paymentsOverTime = route({
  method: 'GET',
  url: `${base}/payments`,
  tags,
  summary: 'Ordered and paid per funder, by the month the invoiced period ends in',
  params: programmeParams,
  querystring: rangeQuery,
  response: { 200: z.object({ items: z.array(funderMonth) }) },
});

export const paymentDelays = route({
  method: 'GET',
  url: `${base}/payment-delays`,
  tags,
  summary: 'Per funder: median and average days from period end to payment, and the share of lines paid late or overdue',
  params: programmeParams,
  querystring: rangeQuery.extend({
    lateAfterDays: z.coerce.number().int().min(0).max(3650).default(60),
    asOf: z.iso.date().optional().describe('the date delays are measured at (default: today)'),
  }),
  response: { 200: z.object({ lateAfterDays: z.number(), asOf: z.string(), items: z.array(funderDelay) }) },
});

export const budgetBurnOfYear = route({
  method: 'GET',
  url: `${base}/budget-burn`,
  tags,
  summary: 'A year’s budgets against what was ordered and paid per funder, with a linear forecast to December',
  params: programmeParams,
  querystring: z.object({ root: rootField, year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR) }),
  response: { 200: budgetBurn },
});

export const reportingByMonth = route({
  method: 'GET',
  url: `${base}/reporting`,
  tags,
  summary: 'Completeness (facility-months declared) and timeliness (declared within N days of the month’s end) per month',
  params: programmeParams,
  querystring: rangeQuery.extend({ withinDays: z.coerce.number().int().min(0).max(365).default(10) }),
  response: { 200: reporting },
});
