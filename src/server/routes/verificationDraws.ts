import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/scope.ts';
import { applyNonDrawnRule } from '../../domain/verification/applyNonDrawnRule.ts';
import { riskReasons } from '../../domain/verification/classify.ts';
import { createDrawInput, createVerificationDraw } from '../../domain/verification/createVerificationDraw.ts';
import { loadDraw } from '../../domain/verification/drawRecords.ts';
import { listVerificationDraws } from '../../domain/verification/listVerificationDraws.ts';
import { riskClasses, storedParameters } from '../../domain/verification/parameters.ts';
import { showVerificationDraw } from '../../domain/verification/showVerificationDraw.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorBody, errorResponses, page, pageQuery, planningPeriod, programmeParams, recordIdParam } from '../../contract/api/common.ts';

const classCount = z.object({ facilities: z.number().int(), drawn: z.number().int() });

const drawSummary = z.object({
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
});

const drawEntry = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  path: z.string(),
  riskClass: z.enum(riskClasses),
  probability: z.number(),
  drawn: z.boolean(),
  validationRate: z.number().nullable(),
  reasons: riskReasons,
});

const drawParams = programmeParams.extend({ drawId: recordIdParam });
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const tags = ['risk-based verification'];

export async function verificationDrawRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const base = '/programmes/:programmeId/verification-draws';

  r.post(
    base,
    {
      config: { authority: 'verification.draw' },
      schema: {
        tags,
        summary: 'Classify the facilities of a subtree by risk and draw those to verify in a period (the current draw is returned if there is one)',
        params: programmeParams,
        body: createDrawInput,
        response: { 201: drawSummary.extend({ created: z.literal(true) }), 200: drawSummary.extend({ created: z.literal(false) }), 422: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'verification.draw', request.body.rootOrgUnitId);
      const { draw, created } = await inTransaction(database, (tx) => createVerificationDraw(tx, actor, { ...request.body, programmeId }));
      return created ? reply.status(201).send({ ...draw, created }) : reply.status(200).send({ ...draw, created });
    },
  );

  r.get(
    base,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'Draws overlapping the user’s scope (or an org unit’s subtree), newest first',
        params: programmeParams,
        querystring: pageQuery.extend({
          orgUnitId: z.string().optional().describe('only draws of this unit, its ancestors or its descendants'),
          period: planningPeriod.optional(),
          includeReplaced: flag.default(false),
        }),
        response: { 200: page(drawSummary), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'read', request.query.orgUnitId);
      return listVerificationDraws(db, actor, { programmeId, ...request.query });
    },
  );

  r.get(
    `${base}/:drawId`,
    {
      config: { authority: 'read' },
      schema: {
        tags,
        summary: 'A draw with a page of its entries: class, probability, drawn, validation rate and the reasons of the class',
        params: drawParams,
        querystring: pageQuery.extend({
          drawn: flag.optional(),
          riskClass: z.enum(riskClasses).optional(),
          orgUnitId: z.string().min(1).optional().describe('only the entries in this org unit’s subtree'),
          search: z.string().optional().describe('only the facilities whose name or id contains this text'),
        }),
        response: { 200: z.object({ draw: drawSummary, entries: page(drawEntry) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, drawId } = request.params;
      await authorize(db, actor, programmeId, 'read');
      return showVerificationDraw(db, actor, { programmeId, drawId, ...request.query });
    },
  );

  r.post(
    `${base}/:drawId/apply`,
    {
      config: { authority: 'verification.draw' },
      schema: {
        tags,
        summary: 'Write verified = declared × validation rate for the facilities the draw did not select (once; refused where a verified value exists)',
        params: drawParams,
        response: {
          200: z.object({
            drawId: z.number().int(),
            appliedAt: z.date(),
            facilities: z.number().int(),
            values: z.number().int(),
            withoutDeclarations: z.array(z.string()),
          }),
          423: errorBody,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, drawId } = request.params;
      await authorize(db, actor, programmeId, 'verification.draw');
      const draw = await loadDraw(db, programmeId, drawId);
      await authorize(db, actor, programmeId, 'verification.draw', draw.rootOrgUnitId);
      return inTransaction(database, (tx) => applyNonDrawnRule(tx, actor, { programmeId, drawId }));
    },
  );
}
