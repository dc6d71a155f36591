import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { listOrgUnits, orgUnitById } from '../../domain/orgUnitReads.ts';
import { importOrgUnits } from '../../domain/orgUnits.ts';
import { authorize, scopePaths } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, programmeParams } from './common.ts';

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

const orgUnitInput = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  parent: z.string().optional(),
  groups: z.record(z.string(), z.string()).optional(),
  attributes: z.record(z.string(), z.number()).optional(),
  validFrom: z.string().date().optional(),
  validTo: z.string().date().optional(),
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
      schema: {
        tags: ['org units'],
        summary: 'Replace the org-unit tree (validated first; nothing is written on error)',
        params: programmeParams,
        body: z.array(orgUnitInput),
        response: { 200: z.object({ count: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      return inTransaction(database, (tx) => importOrgUnits(tx, actor, programmeId, request.body));
    },
  );
}

