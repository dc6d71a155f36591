import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveInvoices } from '../../domain/invoices/approveInvoices.ts';
import { explainInvoice } from '../../domain/invoices/explainInvoice.ts';
import { invoicePenalties } from '../../domain/invoices/invoicePenalties.ts';
import { invoiceLines } from '../../domain/adjustments/invoiceLines.ts';
import { invoiceFundersParts } from '../../domain/payments/fundersParts.ts';
import { readInvoice } from '../../domain/invoices/readInvoice.ts';
import { rejectInvoice } from '../../domain/invoices/rejectInvoice.ts';
import { scopeUnits } from '../../domain/invoices/scopeUnits.ts';
import { authorize, scopePaths, unitPath } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { invoiceRunValues, invoiceStatus, invoices } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { currentInvoice } from '../../domain/invoices/current.ts';
import { fundersPartsSchema } from './fundersPartsSchema.ts';
import { errorResponses, page, pageQuery, planningPeriod, programmeParams, recordId, recordIdParam } from '../../contract/api/common.ts';

const invoice = z.object({
  id: z.number(),
  runId: z.number(),
  orgUnitId: z.string(),
  period: z.string(),
  payment: z.string(),
  amount: z.string(),
  status: z.enum(invoiceStatus.enumValues),
  programmeVersion: z.number(),
  preparedBy: z.number().nullable(),
  approvedBy: z.number().nullable(),
  approvedAt: z.date().nullable(),
  supersededBy: z.number().nullable(),
  rejectedBy: z.number().nullable(),
  rejectedAt: z.date().nullable(),
  rejectionReason: z.string().nullable(),
  /** What the invoice could not pay (≤ 0) after its adjustment lines, taken from the unit's next invoice. */
  carriedForward: z.string(),
  createdAt: z.date(),
});

/** A line of earlier periods the invoice carries: a correction's difference, or a remainder. */
const adjustment = z.object({
  id: z.number(),
  kind: z.enum(['correction', 'carried']),
  sourceInvoiceId: z.number(),
  period: z.string(),
  correctedAmount: z.string().nullable(),
  grantedAmount: z.string().nullable(),
  amount: z.string(),
  corrections: z.array(
    z.object({
      id: z.number(),
      period: z.string(),
      package: z.string(),
      values: z.record(z.string(), z.record(z.string(), z.string())),
      reason: z.string(),
      createdBy: z.number().nullable(),
      createdByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});

/** An engine explanation: the value, its formula and the values it read, recursively. */
const explanation: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    orgUnit: z.string(),
    period: z.string(),
    name: z.string(),
    value: z.number().nullable(),
    source: z.string(),
    location: z.string(),
    reads: z.array(explanation),
  }),
);

/** The lines the invoice lost to the programme's declared penalties, as its run computed them. */
const penalties = z.object({
  breaches: z.number(),
  lost: z.string(),
  lines: z.array(
    z.object({
      package: z.string(),
      activity: z.string(),
      activityName: z.string().nullable(),
      period: z.string(),
      inputs: z.record(z.string(), z.number()),
      gap: z.number().nullable(),
      tolerance: z.number().nullable(),
      lost: z.string(),
      lostName: z.string(),
    }),
  ).readonly(),
});

const invoiceParams = programmeParams.extend({ invoiceId: recordIdParam });

export async function invoiceRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes/:programmeId/invoices',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoices in the user’s scope: current ones, or also those replaced by a later run',
        params: programmeParams,
        querystring: pageQuery.extend({
          orgUnitId: z.string().optional(),
          period: planningPeriod.optional(),
          status: z.enum(invoiceStatus.enumValues).optional(),
          runId: recordIdParam.optional(),
          includeSuperseded: z.stringbool().default(false),
        }),
        response: { 200: page(invoice), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { orgUnitId, period, status, runId, includeSuperseded, limit, offset } = request.query;
      await authorize(db, actor, programmeId, 'read', orgUnitId);
      const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
      const units = await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
      const where = and(
        eq(invoices.programmeId, programmeId),
        sql`${invoices.orgUnitId} = any(${arrayParam(units, 'text')})`,
        period === undefined ? undefined : eq(invoices.period, period),
        status === undefined ? undefined : eq(invoices.status, status),
        runId === undefined ? undefined : eq(invoices.runId, runId),
        // Rejected invoices are no longer current; asking for them lists them.
        includeSuperseded ? undefined : status === 'rejected' ? isNull(invoices.supersededBy) : currentInvoice,
      );
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(invoices).where(where);
      const rows = await db
        .select()
        .from(invoices)
        .where(where)
        .orderBy(asc(invoices.period), sql`${invoices.orgUnitId} collate "C"`, asc(invoices.payment), asc(invoices.id))
        .limit(limit)
        .offset(offset);
      return { items: rows.map(withoutProgramme), total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/invoices/:invoiceId',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'One invoice with every value its run computed for its unit, and the lines it lost to declared penalties',
        params: invoiceParams,
        response: {
          200: invoice.extend({
            values: z.array(z.object({ period: z.string(), name: z.string(), value: z.number().nullable() })),
            penalties,
            /** The invoice's own period's amount, before its adjustment lines. */
            baseAmount: z.string(),
            adjustments: z.array(adjustment),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { programmeId, invoiceId } = request.params;
      const found = await readInvoice(db, actorOf(request), programmeId, invoiceId);
      const [values, penalised, lines] = await Promise.all([
        db
          .select({ period: invoiceRunValues.period, name: invoiceRunValues.name, value: invoiceRunValues.value })
          .from(invoiceRunValues)
          .where(and(eq(invoiceRunValues.programmeId, programmeId), eq(invoiceRunValues.runId, found.runId), eq(invoiceRunValues.orgUnitId, found.orgUnitId)))
          .orderBy(asc(invoiceRunValues.period), sql`${invoiceRunValues.name} collate "C"`),
        invoicePenalties(db, found),
        invoiceLines(db, found),
      ]);
      return { ...withoutProgramme(found), values, penalties: penalised, ...lines };
    },
  );

  r.post(
    '/programmes/:programmeId/invoices/funders-parts',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'The total of the named invoices and each funder’s part of it, split by the funder shares in force (the approver’s confirmation); writes nothing',
        params: programmeParams,
        body: z.object({ invoiceIds: z.array(recordId).min(1).max(5000) }),
        response: { 200: fundersPartsSchema, ...errorResponses },
      },
    },
    async (request) => invoiceFundersParts(db, actorOf(request), { programmeId: request.params.programmeId, invoiceIds: request.body.invoiceIds }),
  );

  r.post(
    '/programmes/:programmeId/invoices/approve',
    {
      config: { authority: 'invoice.approve' },
      schema: {
        tags: ['invoices'],
        summary: 'Approve prepared invoices (committee; not the person who started their run), all or none',
        params: programmeParams,
        body: z.object({ invoiceIds: z.array(recordId).min(1).max(5000), reason: z.string().optional() }),
        response: { 200: z.object({ approved: z.array(z.number()) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'invoice.approve');
      return inTransaction(database, (tx) => approveInvoices(tx, actor, { programmeId, ...request.body }));
    },
  );

  r.post(
    '/programmes/:programmeId/invoices/:invoiceId/reject',
    {
      config: { authority: 'invoice.approve' },
      schema: {
        tags: ['invoices'],
        summary: 'Reject a prepared invoice, with a reason: its package periods go back to validated, to be unlocked, corrected and run again',
        description: 'Needs invoice.approve on the unit. An approved, ordered or paid invoice answers 409 INVALID_STATE: it is corrected by an adjustment on a later invoice.',
        params: invoiceParams,
        body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) }),
        response: { 200: z.object({ invoiceId: z.number(), status: z.literal('rejected'), periodsReopened: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, invoiceId } = request.params;
      await authorize(db, actor, programmeId, 'invoice.approve');
      return inTransaction(database, (tx) => rejectInvoice(tx, actor, { programmeId, invoiceId, reason: request.body.reason }));
    },
  );

  r.get(
    '/programmes/:programmeId/invoices/:invoiceId/provenance',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'Why an invoice value is what it is, recomputed from its run’s stored inputs and programme version',
        params: invoiceParams,
        querystring: z.object({ name: z.string().optional(), period: planningPeriod.optional() }),
        response: {
          200: z.object({
            invoiceId: z.number(),
            runId: z.number(),
            programmeVersion: z.number(),
            orgUnitId: z.string(),
            period: z.string(),
            name: z.string(),
            storedValue: z.number().nullable(),
            recomputedValue: z.number().nullable(),
            identical: z.boolean(),
            explanation,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { programmeId, invoiceId } = request.params;
      return explainInvoice(db, actorOf(request), { programmeId, invoiceId, ...request.query });
    },
  );
}

function withoutProgramme<T extends { programmeId: string }>(row: T): Omit<T, 'programmeId'> {
  const { programmeId: _p, ...rest } = row;
  return rest;
}
