import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/funders.ts';
import type { Actor } from '../../domain/actor.ts';
import { addFunderShare } from '../../domain/payments/addFunderShare.ts';
import { createFunder } from '../../domain/payments/createFunder.ts';
import { endFunderShare } from '../../domain/payments/endFunderShare.ts';
import { listFunders } from '../../domain/payments/listFunders.ts';
import { readableShares } from '../../domain/payments/loadShares.ts';
import type { ShareRow } from '../../domain/payments/shareRules.ts';
import { removeFunderShare } from '../../domain/payments/removeFunderShare.ts';
import { renameFunder } from '../../domain/payments/renameFunder.ts';
import { funderPolicies } from '../../domain/policies/funder.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

/** A share as the API sends it: without the path its subtree was matched on, with its policies. */
function presentShare(actor: Actor, programmeId: string, { path: _path, ...share }: ShareRow) {
  return { ...share, policies: funderPolicies(actor, programmeId) };
}

export async function funderRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(contract.listFunders.url, { config: { authority: 'read' }, schema: schemaOf(contract.listFunders) }, async (request) =>
    listFunders(db, actorOf(request), request.params.programmeId),
  );

  r.post(contract.createFunder.url, { config: { authority: 'funders.manage' }, schema: schemaOf(contract.createFunder) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    const created = await inTransaction(database, (tx) => createFunder(tx, actor, { programmeId, ...request.body }));
    return reply.status(201).send({ ...created, policies: funderPolicies(actor, programmeId) });
  });

  r.patch(contract.renameFunder.url, { config: { authority: 'funders.manage' }, schema: schemaOf(contract.renameFunder) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId, funderId } = request.params;
    const renamed = await inTransaction(database, (tx) => renameFunder(tx, actor, { programmeId, id: funderId, ...request.body }));
    return { ...renamed, policies: funderPolicies(actor, programmeId) };
  });

  r.get(contract.listShares.url, { config: { authority: 'read' }, schema: schemaOf(contract.listShares) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    const { funderId, orgUnitId, limit, offset } = request.query;
    const all = await readableShares(db, actor, programmeId, { funderId, orgUnitId });
    return { items: all.slice(offset, offset + limit).map((share) => presentShare(actor, programmeId, share)), total: all.length, limit, offset };
  });

  r.post(contract.addShare.url, { config: { authority: 'funders.manage' }, schema: schemaOf(contract.addShare) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    const created = await inTransaction(database, (tx) => addFunderShare(tx, actor, { programmeId, ...request.body }));
    return reply.status(201).send(presentShare(actor, programmeId, created));
  });

  r.patch(contract.endShare.url, { config: { authority: 'funders.manage' }, schema: schemaOf(contract.endShare) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId, shareId } = request.params;
    return presentShare(actor, programmeId, await inTransaction(database, (tx) => endFunderShare(tx, actor, { programmeId, shareId, ...request.body })));
  });

  r.delete(contract.removeShare.url, { config: { authority: 'funders.manage' }, schema: schemaOf(contract.removeShare) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId, shareId } = request.params;
    await inTransaction(database, (tx) => removeFunderShare(tx, actor, { programmeId, shareId, reason: request.body.reason }));
    return reply.status(204).send(null);
  });
}
