import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explainAdjustment } from '../../domain/adjustments/explainAdjustment.ts';
import { listCorrections } from '../../domain/adjustments/listCorrections.ts';
import { recordCorrection } from '../../domain/adjustments/recordCorrection.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { entryPeriod, errorResponses, page, pageQuery, programmeParams, recordIdParam, valueSchema } from '../../contract/api/common.ts';

/** Corrected figures by activity, then state, as exact decimal text. */
const correctedValues = z.record(z.string(), z.record(z.string(), z.string()));

const correction = z.object({ id: z.number(), orgUnitId: z.string(), period: z.string(), package: z.string(), values: correctedValues, reason: z.string() });

const listed = correction.extend({
  orgUnitName: z.string(),
  createdBy: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  appliedBy: z.array(z.object({ invoiceId: z.number(), period: z.string(), status: z.string() })),
});

const explanation: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({ orgUnit: z.string(), period: z.string(), name: z.string(), value: z.number().nullable(), source: z.string(), location: z.string(), reads: z.array(explanation) }),
);

export async function adjustmentRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(
    '/programmes/:programmeId/corrections',
    {
      config: { authority: 'period.correct' },
      schema: {
        tags: ['invoices'],
        summary: 'Record corrected figures of a package period already approved, ordered or paid: the next invoice run of the unit carries the difference',
        description:
          'Needs period.correct (the committee) on the unit. Nothing validated or paid changes. A package period not yet approved answers 409 INVALID_STATE naming its state: correct it through the workflow.',
        params: programmeParams,
        body: z.strictObject({
          orgUnitId: z.string().min(1).max(200),
          period: entryPeriod,
          package: z.string().min(1).max(200),
          values: z
            .array(z.strictObject({ activity: z.string().min(1).max(200), state: z.string().min(1).max(200).optional(), value: valueSchema }))
            .min(1, 'give at least one corrected value')
            .max(500),
          reason: z.string().trim().min(1, 'give a reason').max(2000),
        }),
        response: { 200: correction, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'period.correct', request.body.orgUnitId);
      return inTransaction(database, (tx) => recordCorrection(tx, actor, { programmeId, ...request.body }));
    },
  );

  r.get(
    '/programmes/:programmeId/corrections',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'Corrections recorded after approval in the user’s scope, newest first, with the invoices whose adjustment lines apply them',
        params: programmeParams,
        querystring: pageQuery.extend({ orgUnitId: z.string().min(1).optional(), period: entryPeriod.optional() }),
        response: { 200: page(listed), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'read', request.query.orgUnitId);
      const { items, total } = await listCorrections(db, actor, { programmeId, ...request.query });
      return { items, total, limit: request.query.limit, offset: request.query.offset };
    },
  );

  r.get(
    '/programmes/:programmeId/invoices/:invoiceId/adjustments/:adjustmentId/provenance',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'Why a correction line’s corrected amount is what it is: the corrected period’s invoice recomputed with the corrections, under that period’s rules',
        params: programmeParams.extend({ invoiceId: recordIdParam, adjustmentId: recordIdParam }),
        response: {
          200: z.object({
            adjustmentId: z.number(),
            invoiceId: z.number(),
            sourceInvoiceId: z.number(),
            runId: z.number(),
            programmeVersion: z.number(),
            orgUnitId: z.string(),
            period: z.string(),
            name: z.string(),
            storedValue: z.number(),
            recomputedValue: z.number(),
            identical: z.boolean(),
            explanation,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => explainAdjustment(db, actorOf(request), request.params),
  );
}
