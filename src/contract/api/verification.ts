import { z } from 'zod';
import { route } from '../http.ts';
import { DRAW_DEFAULTS, RISK_CLASSES } from '../verification.ts';
import { page, pageQuery, planningPeriod, programmeParams, recordIdParam } from './common.ts';

const probability = z.number().min(0).max(1);

/**
 * How a draw classifies and draws facilities. Every field has Burundi's default (DRAW_DEFAULTS), so a draw
 * may be requested with no parameters at all; the resolved values are stored with the draw.
 */
export const drawParameters = z.object({
  historyMonths: z.number().int().min(1).max(36).default(DRAW_DEFAULTS.historyMonths).describe('months before the period whose discrepancies classify a facility'),
  thresholds: z
    .object({
      moderate: z.number().min(0).default(DRAW_DEFAULTS.thresholds.moderate).describe('a score at or above this is moderate risk'),
      high: z.number().min(0).default(DRAW_DEFAULTS.thresholds.high).describe('a score above this is high risk'),
    })
    .prefault({})
    .refine((t) => t.moderate <= t.high, { message: 'moderate must not exceed high', path: ['moderate'] }),
  probabilities: z
    .object({ low: probability.default(DRAW_DEFAULTS.probabilities.low), moderate: probability.default(DRAW_DEFAULTS.probabilities.moderate), high: probability.default(DRAW_DEFAULTS.probabilities.high) })
    .prefault({})
    .describe('probability of being drawn, per risk class'),
  alwaysDraw: z
    .record(z.string().min(1), z.array(z.string().min(1)))
    .default({ type: ['hd'] })
    .describe('groupset → groups whose facilities are always drawn (hospitals by default)'),
});
export type DrawParameters = z.output<typeof drawParameters>;
export type DrawParametersInput = z.input<typeof drawParameters>;

/** What a draw stores as its parameters: the resolved ones, the generator and the months read. */
export const storedParameters = drawParameters.extend({
  algorithm: z.string(),
  window: z.array(z.string()),
});
export type StoredParameters = z.output<typeof storedParameters>;

const gap = z.object({
  difference: z.number().describe('Σ |first − second| over the activities holding both states'),
  base: z.number().describe('Σ second over the same activities'),
  activities: z.number().int(),
  gap: z.number().describe('difference / base; 1 when base is 0 and difference is not'),
});

/** Why a facility is in its class: every figure that put it there. */
export const riskReasons = z.object({
  window: z.array(z.string()),
  notVerified: z.array(z.string()),
  periods: z.array(z.object({ period: z.string(), declaredVerified: gap.nullable(), verifiedValidated: gap.nullable() })),
  average: z.object({ declaredVerified: z.number().nullable(), verifiedValidated: z.number().nullable() }),
  score: z.number().nullable().describe('the larger of the two averages; null without history'),
  measure: z.enum(['declaredVerified', 'verifiedValidated']).nullable().describe('the average the score comes from'),
  thresholds: z.object({ moderate: z.number(), high: z.number() }),
  rule: z.enum(['no_history', 'below_moderate', 'moderate', 'above_high']),
  validation: z.object({
    declared: z.number(),
    validated: z.number(),
    rate: z.number(),
    computed: z.boolean().describe('false when nothing declared was validated in the window: the rate is then 1'),
  }),
  alwaysDrawn: z.object({ groupset: z.string(), group: z.string() }).nullable(),
});
export type RiskReasons = z.output<typeof riskReasons>;

export const createDrawInput = z.object({
  rootOrgUnitId: z.string().min(1).describe('root of the subtree whose facilities are drawn'),
  period: z.string().min(1).describe('DHIS2 month (202406) or quarter (2024Q2) to verify'),
  seed: z.string().min(1).max(200).optional().describe('seed of the draw; a random one is made and recorded when absent'),
  parameters: drawParameters.prefault({}),
  replace: z.boolean().default(false).describe('replace the current draw of this subtree and period (needs a reason)'),
  reason: z.string().optional(),
});
export type CreateDrawInput = z.input<typeof createDrawInput>;

/**
 * What the user may do with a draw, as the server decides it (src/domain/policies/verificationDraw.ts):
 * apply or replace it needs 'verification.draw' on its subtree, and a draw neither applied nor replaced.
 */
export const verificationDrawPolicies = z.object({ apply: z.boolean(), replace: z.boolean() });

const classCount = z.object({ facilities: z.number().int(), drawn: z.number().int() });

export const drawSummary = z.object({
  id: z.number().int(),
  rootOrgUnitId: z.string(),
  period: z.string(),
  seed: z.string(),
  parameters: storedParameters,
  createdBy: z.number().int().nullable(),
  createdAt: z.date(),
  replacedBy: z.number().int().nullable().describe('the draw that replaced this one'),
  replacedAt: z.date().nullable(),
  appliedBy: z.number().int().nullable(),
  appliedAt: z.date().nullable().describe('when the facilities not drawn had their verified values estimated'),
  counts: classCount.extend({ byClass: z.object({ low: classCount, moderate: classCount, high: classCount }) }),
  policies: verificationDrawPolicies,
});

export const drawEntry = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  path: z.string(),
  riskClass: z.enum(RISK_CLASSES),
  probability: z.number(),
  drawn: z.boolean(),
  validationRate: z.number().nullable(),
  reasons: riskReasons,
});

const drawParams = programmeParams.extend({ drawId: recordIdParam });
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const tags = ['risk-based verification'];
const DRAWS = '/programmes/:programmeId/verification-draws';

export const createDraw = route({
  method: 'POST',
  url: DRAWS,
  tags,
  summary: 'Classify the facilities of a subtree by risk and draw those to verify in a period (the current draw is returned if there is one)',
  params: programmeParams,
  body: createDrawInput,
  response: { 201: drawSummary.extend({ created: z.literal(true) }), 200: drawSummary.extend({ created: z.literal(false) }) },
});

export const listDraws = route({
  method: 'GET',
  url: DRAWS,
  tags,
  summary: 'Draws overlapping the user’s scope (or an org unit’s subtree), newest first',
  params: programmeParams,
  querystring: pageQuery.extend({
    orgUnitId: z.string().optional().describe('only draws of this unit, its ancestors or its descendants'),
    period: planningPeriod.optional(),
    includeReplaced: flag.default(false),
  }),
  response: { 200: page(drawSummary) },
});

export const showDraw = route({
  method: 'GET',
  url: `${DRAWS}/:drawId`,
  tags,
  summary: 'A draw with a page of its entries: class, probability, drawn, validation rate and the reasons of the class',
  params: drawParams,
  querystring: pageQuery.extend({
    drawn: flag.optional(),
    riskClass: z.enum(RISK_CLASSES).optional(),
    orgUnitId: z.string().min(1).optional().describe('only the entries in this org unit’s subtree'),
    search: z.string().optional().describe('only the facilities whose name or id contains this text'),
  }),
  response: { 200: z.object({ draw: drawSummary, entries: page(drawEntry) }) },
});

export const applyDraw = route({
  method: 'POST',
  url: `${DRAWS}/:drawId/apply`,
  tags,
  summary: 'Write verified = declared × validation rate for the facilities the draw did not select (once; refused where a verified value exists)',
  description: 'Refused with 423 where a facility not drawn has a locked period, 409 when the draw was applied or replaced.',
  params: drawParams,
  response: {
    200: z.object({
      drawId: z.number().int(),
      appliedAt: z.date(),
      facilities: z.number().int(),
      values: z.number().int(),
      withoutDeclarations: z.array(z.string()),
    }),
  },
});
