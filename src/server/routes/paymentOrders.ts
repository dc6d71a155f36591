import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderPreview } from '../../domain/payments/fundersParts.ts';
import { orderPayments } from '../../domain/payments/orderPayments.ts';
import { scopeUnits } from '../../domain/invoices/scopeUnits.ts';
import { errors } from '../../domain/errors.ts';
import { authorize, scopePaths, unitPath } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { invoices, paymentOrderLines, paymentOrders, payments } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { cancelOrder } from '../../domain/payments/cancelOrder.ts';
import { fundersPartsSchema } from './fundersPartsSchema.ts';
import { entryPeriod, errorBody, errorResponses, page, pageQuery, planningPeriod, programmeParams, recordId, recordIdParam } from '../../contract/api/common.ts';

const order = z.object({
  id: z.number(),
  funderId: z.string(),
  period: z.string(),
  orgUnitId: z.string(),
  total: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  cancelledBy: z.number().nullable(),
  cancelledAt: z.date().nullable(),
  cancellationReason: z.string().nullable(),
});
const line = z.object({
  invoiceId: z.number(),
  orgUnitId: z.string(),
  payment: z.string(),
  amount: z.string(),
  paid: z.string(),
  outstanding: z.string(),
});

export async function paymentOrderRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(
    '/programmes/:programmeId/payment-orders',
    {
      config: { authority: 'payment.order' },
      schema: {
        tags: ['payments'],
        summary: 'Order the payment of a subtree’s approved invoices for a period: one order per funder, split by the funder shares (payer)',
        params: programmeParams,
        body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, invoiceIds: z.array(recordId).min(1).max(20_000).optional() }),
        response: {
          201: z.object({
            orders: z.array(z.object({ id: z.number(), funderId: z.string(), period: z.string(), orgUnitId: z.string(), total: z.string(), lineCount: z.number() })),
            skipped: z.array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), amount: z.string() })),
          }),
          422: errorBody,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'payment.order', request.body.orgUnitId);
      return reply.status(201).send(await inTransaction(database, (tx) => orderPayments(tx, actor, { programmeId, ...request.body })));
    },
  );

  r.get(
    '/programmes/:programmeId/payment-orders/preview',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'What ordering a subtree’s approved invoices for a period would create, writing nothing: the invoices, their total and each funder’s part (the payer’s confirmation)',
        params: programmeParams,
        querystring: z.object({ orgUnitId: z.string().min(1), period: entryPeriod }),
        response: { 200: fundersPartsSchema.extend({ skipped: z.number() }), 422: errorBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'read', request.query.orgUnitId);
      return orderPreview(db, { programmeId, ...request.query });
    },
  );

  r.post(
    '/programmes/:programmeId/payment-orders/:orderId/cancel',
    {
      config: { authority: 'payment.order' },
      schema: {
        tags: ['payments'],
        summary: 'Cancel a payment order nothing was paid on, with a reason: its invoices go back to approved, to be ordered again (payer)',
        description: 'An order with a payment recorded answers 409 INVALID_STATE: what was paid stays paid.',
        params: programmeParams.extend({ orderId: recordIdParam }),
        body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) }),
        response: { 200: z.object({ orderId: z.number(), invoicesReopened: z.array(z.number()) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, orderId } = request.params;
      await authorize(db, actor, programmeId, 'payment.order');
      return inTransaction(database, (tx) => cancelOrder(tx, actor, { programmeId, orderId, reason: request.body.reason }));
    },
  );

  r.get(
    '/programmes/:programmeId/payment-orders',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'Payment orders of subtrees in the user’s scope, newest first',
        params: programmeParams,
        querystring: pageQuery.extend({ period: planningPeriod.optional(), funderId: z.string().optional(), orgUnitId: z.string().optional() }),
        response: { 200: page(order), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { period, funderId, orgUnitId, limit, offset } = request.query;
      await authorize(db, actor, programmeId, 'read', orgUnitId);
      const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
      const units = await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
      const where = and(
        eq(paymentOrders.programmeId, programmeId),
        sql`${paymentOrders.orgUnitId} = any(${arrayParam(units, 'text')})`,
        period === undefined ? undefined : eq(paymentOrders.period, period),
        funderId === undefined ? undefined : eq(paymentOrders.funderId, funderId),
      );
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(paymentOrders).where(where);
      const rows = await db.select().from(paymentOrders).where(where).orderBy(desc(paymentOrders.id)).limit(limit).offset(offset);
      return { items: rows.map(({ programmeId: _p, ...rest }) => rest), total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/payment-orders/:orderId',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['payments'],
        summary: 'One payment order with its lines, what was paid on each and what is outstanding',
        params: programmeParams.extend({ orderId: recordIdParam }),
        querystring: pageQuery,
        response: { 200: order.extend({ paid: z.string().describe('paid on the whole order so far'), lines: page(line) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, orderId } = request.params;
      const { limit, offset } = request.query;
      const [found] = await db.select().from(paymentOrders).where(and(eq(paymentOrders.programmeId, programmeId), eq(paymentOrders.id, orderId)));
      if (!found) throw errors.notFound(`payment order ${orderId}`);
      await authorize(db, actor, programmeId, 'read', found.orgUnitId);
      const where = and(eq(paymentOrderLines.programmeId, programmeId), eq(paymentOrderLines.orderId, orderId));
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(paymentOrderLines).where(where);
      const paid = sql<string>`(select coalesce(sum(${payments.amount}), 0)::numeric(20, 2) from ${payments}
        where ${payments.programmeId} = ${paymentOrderLines.programmeId} and ${payments.orderId} = ${paymentOrderLines.orderId}
          and ${payments.invoiceId} = ${paymentOrderLines.invoiceId})`;
      const lines = await db
        .select({
          invoiceId: paymentOrderLines.invoiceId,
          orgUnitId: invoices.orgUnitId,
          payment: invoices.payment,
          amount: paymentOrderLines.amount,
          paid: sql<string>`${paid}::text`,
          outstanding: sql<string>`(${paymentOrderLines.amount} - ${paid})::text`,
        })
        .from(paymentOrderLines)
        .innerJoin(invoices, and(eq(invoices.programmeId, paymentOrderLines.programmeId), eq(invoices.id, paymentOrderLines.invoiceId)))
        .where(where)
        .orderBy(sql`${invoices.orgUnitId} collate "C"`, asc(invoices.payment), asc(paymentOrderLines.invoiceId))
        .limit(limit)
        .offset(offset);
      const [{ paidOnOrder } = { paidOnOrder: '0' }] = await db
        .select({ paidOnOrder: sql<string>`coalesce(sum(${payments.amount}), 0)::numeric(20, 2)::text` })
        .from(payments)
        .where(and(eq(payments.programmeId, programmeId), eq(payments.orderId, orderId)));
      const { programmeId: _p, ...rest } = found;
      return { ...rest, paid: paidOnOrder, lines: { items: lines, total, limit, offset } };
    },
  );
}
