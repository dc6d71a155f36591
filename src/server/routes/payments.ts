import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/payments.ts';
import { arrears } from '../../domain/payments/arrears.ts';
import { listPayments } from '../../domain/payments/listPayments.ts';
import { paymentDelays } from '../../domain/payments/paymentDelays.ts';
import { readScope } from '../../domain/payments/readScope.ts';
import { recordPayments } from '../../domain/payments/recordPayments.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

const today = () => new Date().toISOString().slice(0, 10);

export async function paymentRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(contract.recordPayments.url, { config: { authority: 'payment.record' }, schema: schemaOf(contract.recordPayments) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'payment.record');
    return reply.status(201).send(await inTransaction(database, (tx) => recordPayments(tx, actor, { programmeId, payments: request.body.payments })));
  });

  r.get(contract.listPayments.url, { config: { authority: 'read' }, schema: schemaOf(contract.listPayments) }, async (request) => {
    const { limit, offset } = request.query;
    const { items, total } = await listPayments(db, actorOf(request), { programmeId: request.params.programmeId, ...request.query });
    return { items, total, limit, offset };
  });

  r.get(contract.paymentDelays.url, { config: { authority: 'read' }, schema: schemaOf(contract.paymentDelays) }, async (request) => {
    const { programmeId } = request.params;
    const { orgUnitId, period, funderId, asOf, limit, offset } = request.query;
    const units = [...(await readScope(db, actorOf(request), programmeId, orgUnitId)).keys()];
    return paymentDelays(db, { programmeId, units, period, funderId, asOf: asOf ?? today(), limit, offset });
  });

  r.get(contract.listArrears.url, { config: { authority: 'read' }, schema: schemaOf(contract.listArrears) }, async (request) => {
    const { programmeId } = request.params;
    const { orgUnitId, funderId, asOf, limit, offset } = request.query;
    const units = [...(await readScope(db, actorOf(request), programmeId, orgUnitId)).keys()];
    return arrears(db, { programmeId, units, funderId, asOf: asOf ?? today(), limit, offset });
  });
}
