import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { arrears } from '../../domain/payments/arrears.ts';
import { paymentDelays } from '../../domain/payments/paymentDelays.ts';
import { recordPayments } from '../../domain/payments/recordPayments.ts';
import { scopeUnits } from '../../domain/invoices/scopeUnits.ts';
import { authorize, scopePaths, unitPath } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { invoices, payments } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, planningPeriod, programmeParams, recordId, recordIdParam } from '../../contract/api/common.ts';

const payment = z.object({
  id: z.number(),
  orderId: z.number(),
  invoiceId: z.number(),
  funderId: z.string(),
  paidOn: z.string(),
  amount: z.string(),
  reference: z.string(),
  recordedBy: z.number().nullable(),
  createdAt: z.date(),
});
const scopedQuery = pageQuery.extend({ orgUnitId: z.string().optional(), funderId: z.string().optional() });

export async function paymentRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  /** The units the actor may read, within the asked subtree once it is authorised. */
  async function readScope(request: { params: { programmeId: string }; query: { orgUnitId?: string | undefined } }, actor: ReturnType<typeof actorOf>) {
    const { programmeId } = request.params;
    const { orgUnitId } = request.query;
    await authorize(db, actor, programmeId, 'read', orgUnitId);
    const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
    return { units: await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'read'), path) };
  }

  r.post(
    '/programmes/:programmeId/payments',
    {
      config: { authority: 'payment.record' },
      schema: {
        tags: ['payments'],
        summary: 'Record payments against payment-order lines (payer), all or none; a line is never overpaid',
        params: programmeParams,
        body: z.object({
          payments: z
            .array(
              z.object({
                orderId: recordId,
                invoiceId: recordId,
                paidOn: z.iso.date(),
                amount: z.union([z.string(), z.number()]).transform(String),
                reference: z.string().min(1),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: { 201: z.object({ paymentIds: z.array(z.number()), paidInvoiceIds: z.array(z.number()) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'payment.record');
      return reply.status(201).send(await inTransaction(database, (tx) => recordPayments(tx, actor, { programmeId, payments: request.body.payments })));
    },
  );

  r.get(
    '/programmes/:programmeId/payments',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'Payments recorded for invoices in the user’s scope',
        params: programmeParams,
        querystring: scopedQuery.extend({ orderId: recordIdParam.optional(), invoiceId: recordIdParam.optional() }),
        response: { 200: page(payment), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { orderId, invoiceId, funderId, limit, offset } = request.query;
      const { units } = await readScope(request, actor);
      const joined = and(eq(invoices.programmeId, payments.programmeId), eq(invoices.id, payments.invoiceId));
      const where = and(
        eq(payments.programmeId, programmeId),
        sql`${invoices.orgUnitId} = any(${arrayParam(units, 'text')})`,
        orderId === undefined ? undefined : eq(payments.orderId, orderId),
        invoiceId === undefined ? undefined : eq(payments.invoiceId, invoiceId),
        funderId === undefined ? undefined : eq(payments.funderId, funderId),
      );
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(payments).innerJoin(invoices, joined).where(where);
      const rows = await db
        .select({ payment: payments })
        .from(payments)
        .innerJoin(invoices, joined)
        .where(where)
        .orderBy(asc(payments.id))
        .limit(limit)
        .offset(offset);
      return { items: rows.map(({ payment: { programmeId: _p, ...rest } }) => rest), total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/payment-delays',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'Payment delays per funder’s part of each invoice (a live payment-order line): days from the end of its period and from its order to the payment completing that part; a part unpaid on `asOf` (default today) is running, counted to that date',
        params: programmeParams,
        querystring: scopedQuery.extend({ period: planningPeriod.optional(), asOf: z.iso.date().optional() }),
        response: {
          200: page(
            z.object({
              invoiceId: z.number(),
              orgUnitId: z.string(),
              period: z.string(),
              payment: z.string(),
              funderId: z.string(),
              orderId: z.number(),
              amount: z.string(),
              paid: z.string(),
              periodEnd: z.string(),
              orderedOn: z.string(),
              paidOn: z.string().nullable(),
              delayDays: z.number(),
              orderDays: z.number(),
            }),
          ).extend({
            paidParts: z.number(),
            averageDays: z.number().nullable(),
            maxDays: z.number().nullable(),
            averageOrderDays: z.number().nullable(),
            running: z.number(),
            maxRunningDays: z.number().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { period, funderId, asOf, limit, offset } = request.query;
      const scope = await readScope(request, actor);
      return paymentDelays(db, { programmeId: request.params.programmeId, ...scope, period, funderId, asOf: asOf ?? new Date().toISOString().slice(0, 10), limit, offset });
    },
  );

  r.get(
    '/programmes/:programmeId/arrears',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'Arrears per funder and period: ordered minus paid as of a date, for periods ended by then, with days since each ended',
        params: programmeParams,
        querystring: scopedQuery.extend({ asOf: z.iso.date().optional() }),
        response: {
          200: page(
            z.object({
              funderId: z.string(),
              funderName: z.string().nullable(),
              period: z.string(),
              ordered: z.string(),
              paid: z.string(),
              outstanding: z.string(),
              linesOutstanding: z.number(),
              periodEnd: z.string(),
              daysOverdue: z.number(),
            }),
          ).extend({ asOf: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { funderId, asOf, limit, offset } = request.query;
      const scope = await readScope(request, actor);
      const today = new Date().toISOString().slice(0, 10);
      return arrears(db, { programmeId: request.params.programmeId, ...scope, funderId, asOf: asOf ?? today, limit, offset });
    },
  );
}
