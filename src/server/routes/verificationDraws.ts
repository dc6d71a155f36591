import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyDraw, createDraw, listDraws, showDraw } from '../../contract/api/verification.ts';
import { authorize } from '../../domain/scope.ts';
import { applyNonDrawnRule } from '../../domain/verification/applyNonDrawnRule.ts';
import { createVerificationDraw } from '../../domain/verification/createVerificationDraw.ts';
import { listVerificationDraws } from '../../domain/verification/listVerificationDraws.ts';
import { showVerificationDraw } from '../../domain/verification/showVerificationDraw.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

export async function verificationDrawRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(createDraw.url, { config: { authority: 'verification.draw' }, schema: schemaOf(createDraw) }, async (request, reply) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'verification.draw', request.body.rootOrgUnitId);
    const { draw, created } = await inTransaction(database, (tx) => createVerificationDraw(tx, actor, { ...request.body, programmeId }));
    return created ? reply.status(201).send({ ...draw, created }) : reply.status(200).send({ ...draw, created });
  });

  r.get(listDraws.url, { config: { authority: 'read' }, schema: schemaOf(listDraws) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    await authorize(db, actor, programmeId, 'read', request.query.orgUnitId);
    return listVerificationDraws(db, actor, { programmeId, ...request.query });
  });

  r.get(showDraw.url, { config: { authority: 'read' }, schema: schemaOf(showDraw) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId, drawId } = request.params;
    await authorize(db, actor, programmeId, 'read');
    return showVerificationDraw(db, actor, { programmeId, drawId, ...request.query });
  });

  // The draw's subtree and state are decided by the use case, with the policy the draws carry.
  r.post(applyDraw.url, { config: { authority: 'verification.draw' }, schema: schemaOf(applyDraw) }, async (request) => {
    const { programmeId, drawId } = request.params;
    return inTransaction(database, (tx) => applyNonDrawnRule(tx, actorOf(request), { programmeId, drawId }));
  });
}
