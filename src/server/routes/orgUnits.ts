import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { listOrgUnits, orgUnitById } from '../../domain/orgUnitReads.ts';
import { addUnit, editUnit } from '../../domain/orgTree/editUnit.ts';
import { importOrgUnits } from '../../domain/orgTree/importTree.ts';
import { orgUnitId, unitRecordInput } from '../../domain/orgTree/unitRecord.ts';
import { authorize, scopePaths } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, programmeParams } from '../../contract/api/common.ts';

const orgUnit = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.number(),
  path: z.string(),
  groups: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.number()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});


export async function orgUnitRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes/:programmeId/org-units',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['org units'],
        summary: 'Org units in the user’s scope: children of a parent, a search by id or name, or the units of a list of ids',
        params: programmeParams,
        querystring: pageQuery.extend({
          parent: z.string().optional(),
          search: z.string().optional(),
          ids: z
            .string()
            .describe('comma-separated ids (at most 1,000), e.g. for the names of the units a list shows; ids out of scope are left out')
            .transform((text) => text.split(',').filter((id) => id !== ''))
            .pipe(z.array(z.string()).max(1000))
            .optional(),
        }),
        response: { 200: page(orgUnit), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { parent, search, ids, limit, offset } = request.query;
      await authorize(db, actor, programmeId, 'read', parent);
      const scopes = scopePaths(actor, programmeId, 'read');
      const { items, total } = await listOrgUnits(db, { programmeId, scopes, parent, search, ids, limit, offset });
      // The serializer leaves out the columns the schema does not declare (programmeId, total, position).
      return { items, total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/org-units/:orgUnitId',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['org units'],
        params: programmeParams.extend({ orgUnitId: z.string() }),
        response: { 200: orgUnit, ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, orgUnitId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read', orgUnitId);
      const unit = await orgUnitById(db, programmeId, orgUnitId);
      if (!unit) throw errors.notFound(`org unit '${orgUnitId}'`); // removed since authorize read its cached facts
      return unit;
    },
  );

  r.put(
    '/programmes/:programmeId/org-units',
    {
      config: { authority: 'orgUnits.manage' },
      bodyLimit: TREE_BODY_LIMIT,
      schema: {
        tags: ['org units'],
        summary: 'Make the tree the one given: units are added, moved, updated and removed one by one, each audited',
        description:
          'dryRun=true reports what would change. A removed unit holding records (values, statuses, contracts, invoices, runs, orders, shares, budgets, draws, grants), ' +
          'or a moved one heading such units, is refused with 409 and the list of what would be orphaned, unless force is true with a reason.',
        params: programmeParams,
        querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
        body: z.strictObject({
          units: z.array(unitRecordInput).max(MAX_TREE_UNITS),
          force: z.boolean().default(false).describe('apply although units holding records are removed or moved'),
          reason: z.string().max(2000).optional().describe('required with force; recorded in the audit log'),
        }),
        response: { 200: treeReport, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { units, force, reason } = request.body;
      return inTransaction(database, (tx) => importOrgUnits(tx, actor, request.params.programmeId, units, { dryRun: request.query.dryRun, force, reason }));
    },
  );

  r.post(
    '/programmes/:programmeId/org-units',
    {
      config: { authority: 'orgUnits.manage' },
      schema: {
        tags: ['org units'],
        summary: 'Add a unit under an existing one (or the root of an empty tree)',
        params: programmeParams,
        body: unitRecordInput,
        response: { 201: treeReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(await inTransaction(database, (tx) => addUnit(tx, actor, request.params.programmeId, request.body)));
    },
  );

  r.patch(
    '/programmes/:programmeId/org-units/:orgUnitId',
    {
      config: { authority: 'orgUnits.manage' },
      schema: {
        tags: ['org units'],
        summary: 'Rename, move (with everything under it), regroup, or open and close a unit (validFrom, validTo)',
        params: programmeParams.extend({ orgUnitId }),
        body: unitRecordInput
          .omit({ id: true })
          .extend({ parent: orgUnitId.optional(), reason: z.string().max(2000).optional().describe('recorded in the audit log') }),
        response: { 200: treeReport, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, orgUnitId: id } = request.params;
      const { reason, ...edit } = request.body;
      return inTransaction(database, (tx) => editUnit(tx, actor, programmeId, id, edit, reason));
    },
  );
}

const unitRecord = z.object({
  id: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  groups: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.number()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const treeReport = z.object({
  dryRun: z.boolean(),
  added: z.number(),
  moved: z.number(),
  updated: z.number(),
  removed: z.number(),
  changes: z
    .array(z.object({ id: z.string(), change: z.enum(['add', 'move', 'update', 'remove']), fields: z.array(z.string()).readonly(), before: unitRecord.nullable(), after: unitRecord.nullable() }))
    .readonly()
    .describe('the first 1,000 changes; the counts cover them all'),
  orphans: z.array(z.object({ id: z.string(), change: z.enum(['move', 'remove']), holds: z.record(z.string(), z.number()) })).readonly(),
});

/** A national tree of some 20,000 units is a few megabytes. */
const MAX_TREE_UNITS = 100_000;
const TREE_BODY_LIMIT = 32 * 1024 * 1024;
