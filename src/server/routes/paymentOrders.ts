import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/api/common.ts';
import * as contract from '../../contract/api/payments.ts';
import { cancelOrder } from '../../domain/payments/cancelOrder.ts';
import { orderPreview } from '../../domain/payments/fundersParts.ts';
import { listOrders } from '../../domain/payments/listOrders.ts';
import { orderDetail } from '../../domain/payments/orderDetail.ts';
import { orderPayments } from '../../domain/payments/orderPayments.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

/** The contract's schema, documenting too the 422 UNSPLIT answer: funder shares that leave part of an invoice unpaid. */
function withUnsplit<const Contract extends Parameters<typeof schemaOf>[0]>(route: Contract) {
  const schema = schemaOf(route);
  return { ...schema, response: { ...schema.response, 422: errorBody } };
}

export async function paymentOrderRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(contract.orderPayments.url, { config: { authority: 'payment.order' }, schema: withUnsplit(contract.orderPayments) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'payment.order', request.body.orgUnitId);
    return reply.status(201).send(await inTransaction(database, (tx) => orderPayments(tx, actor, { programmeId, ...request.body })));
  });

  r.get(contract.orderPreview.url, { config: { authority: 'read' }, schema: withUnsplit(contract.orderPreview) }, async (request) => {
    const { programmeId } = request.params;
    await authorize(db, actorOf(request), programmeId, 'read', request.query.orgUnitId);
    return orderPreview(db, { programmeId, ...request.query });
  });

  r.post(
    contract.cancelOrder.url,
    { config: { authority: 'payment.order' }, schema: { ...schemaOf(contract.cancelOrder), description: 'An order with a payment recorded answers 409 INVALID_STATE: what was paid stays paid.' } },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, orderId } = request.params;
      await authorize(db, actor, programmeId, 'payment.order');
      return inTransaction(database, (tx) => cancelOrder(tx, actor, { programmeId, orderId, reason: request.body.reason }));
    },
  );

  r.get(contract.listOrders.url, { config: { authority: 'read' }, schema: schemaOf(contract.listOrders) }, async (request) => {
    const { limit, offset } = request.query;
    const { items, total } = await listOrders(db, actorOf(request), { programmeId: request.params.programmeId, ...request.query });
    return { items, total, limit, offset };
  });

  r.get(contract.getOrder.url, { config: { authority: 'read' }, schema: schemaOf(contract.getOrder) }, async (request) =>
    orderDetail(db, actorOf(request), { ...request.params, ...request.query }),
  );
}
