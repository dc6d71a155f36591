import { z } from 'zod';
import { route } from '../http.ts';
import { page, pageQuery, planningPeriod, programmeParams, recordIdParam } from './common.ts';

export const programme = z.object({ id: z.string(), name: z.string(), currency: z.string(), currencyDecimals: z.number() });

/** What saving a version would reprice: the periods it reaches back to, with their decided statuses and invoices. */
export const versionReach = z.object({
  periods: z.array(z.string()).readonly(),
  decidedStatuses: z.number(),
  repriced: z.array(z.object({ id: z.number(), orgUnitId: z.string(), period: z.string(), payment: z.string(), amount: z.string() })).readonly(),
  repricedCount: z.number(),
  unchangedCount: z.number(),
});

export const versionSummary = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  hash: z.string(),
  note: z.string(),
  createdAt: z.date(),
});

/** A national programme's rules, with its decision tables, are well under a megabyte. */
export const PROGRAMME_BODY_LIMIT = 8 * 1024 * 1024;

const tags = ['programmes'];

export const listProgrammes = route({
  method: 'GET',
  url: '/programmes',
  tags,
  summary: 'Programmes the user has a role in (all of them for a platform administrator)',
  response: { 200: z.array(programme) },
});

export const createProgrammeRoute = route({
  method: 'POST',
  url: '/programmes',
  tags,
  summary: 'Create a programme',
  body: z.object({
    id: z.string().regex(/^[a-z0-9_-]+$/),
    name: z.string().min(1),
    currency: z.string().length(3),
    currencyDecimals: z.number().int().min(0).max(4).default(0),
  }),
  response: { 201: programme },
});

export const listVersions = route({
  method: 'GET',
  url: '/programmes/:programmeId/versions',
  tags,
  summary: 'Versions of the rules with their effective periods',
  params: programmeParams,
  querystring: pageQuery,
  response: { 200: page(versionSummary) },
});

export const saveVersion = route({
  method: 'POST',
  url: '/programmes/:programmeId/versions',
  tags,
  summary: 'Save a new version of the rules, checked by the engine, effective from a period',
  description:
    'A version effective in a period already validated or invoiced answers 409 VERSION_REACHES_BACK with the invoices it would reprice, ' +
    'unless confirmReachBack is true with a reason. dryRun=true checks and reports that reach without saving. Rules the engine refuses: 422.',
  params: programmeParams,
  querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
  body: z.strictObject({
    definition: z.unknown(),
    effectiveFrom: planningPeriod,
    note: z.string().max(2000).default(''),
    confirmReachBack: z.boolean().default(false).describe('save although the version reaches back to periods already validated or invoiced'),
    reason: z.string().max(2000).optional().describe('why it reaches back: required with confirmReachBack, audited'),
  }),
  response: {
    200: z.object({ dryRun: z.literal(true), reach: versionReach }),
    201: z.object({ version: z.number(), effectiveFrom: z.string(), hash: z.string(), reach: versionReach }),
  },
});

export const showVersion = route({
  method: 'GET',
  url: '/programmes/:programmeId/versions/:version',
  tags,
  summary: 'One version of the rules with its definition',
  params: programmeParams.extend({ version: recordIdParam }),
  response: { 200: z.object({ version: z.number(), effectiveFrom: z.string(), hash: z.string(), definition: z.unknown() }) },
});

