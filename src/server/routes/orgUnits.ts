import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TREE_BODY_LIMIT, addOrgUnit, editOrgUnit, findOrgUnits, replaceTree, showOrgUnit } from '../../contract/api/orgUnits.ts';
import { errors } from '../../domain/errors.ts';
import { listOrgUnits, orgUnitById } from '../../domain/orgUnitReads.ts';
import { addUnit, editUnit } from '../../domain/orgTree/editUnit.ts';
import { importOrgUnits } from '../../domain/orgTree/importTree.ts';
import { authorize, scopePaths } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

export async function orgUnitRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(findOrgUnits.url, { config: { authority: 'read' }, schema: schemaOf(findOrgUnits) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId } = request.params;
    const { parent, search, ids, limit, offset } = request.query;
    await authorize(db, actor, programmeId, 'read', parent);
    const scopes = scopePaths(actor, programmeId, 'read');
    const { items, total } = await listOrgUnits(db, { programmeId, scopes, parent, search, ids, limit, offset });
    // The serializer leaves out the columns the schema does not declare (programmeId, total, position).
    return { items, total, limit, offset };
  });

  r.get(showOrgUnit.url, { config: { authority: 'read' }, schema: schemaOf(showOrgUnit) }, async (request) => {
    const { programmeId, orgUnitId } = request.params;
    await authorize(db, actorOf(request), programmeId, 'read', orgUnitId);
    const unit = await orgUnitById(db, programmeId, orgUnitId);
    if (!unit) throw errors.notFound(`org unit '${orgUnitId}'`); // removed since authorize read its cached facts
    return unit;
  });

  r.put(replaceTree.url, { config: { authority: 'orgUnits.manage' }, bodyLimit: TREE_BODY_LIMIT, schema: schemaOf(replaceTree) }, async (request) => {
    const actor = actorOf(request);
    const { units, force, reason } = request.body;
    return inTransaction(database, (tx) => importOrgUnits(tx, actor, request.params.programmeId, units, { dryRun: request.query.dryRun, force, reason }));
  });

  r.post(addOrgUnit.url, { config: { authority: 'orgUnits.manage' }, schema: schemaOf(addOrgUnit) }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(await inTransaction(database, (tx) => addUnit(tx, actor, request.params.programmeId, request.body)));
  });

  r.patch(editOrgUnit.url, { config: { authority: 'orgUnits.manage' }, schema: schemaOf(editOrgUnit) }, async (request) => {
    const actor = actorOf(request);
    const { programmeId, orgUnitId: id } = request.params;
    const { reason, ...edit } = request.body;
    return inTransaction(database, (tx) => editUnit(tx, actor, programmeId, id, edit, reason));
  });
}
