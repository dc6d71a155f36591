import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../domain/auditReads.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { errorResponses, page, pageQuery, programmeParams, recordIdParam } from '../../contract/api/common.ts';

const entry = z.object({
  id: z.number(),
  at: z.date(),
  user: z.string().nullable().describe("the user's name at sign-in"),
  userName: z.string().nullable().describe("the user's full name"),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string(),
  orgUnitId: z.string().nullable().describe('the unit the change is about; none for programme-wide changes'),
  orgUnitName: z.string().nullable().describe("that unit's name, when it still exists"),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});

/** The audit log of a programme, newest first, for auditors, admins and designers, scoped to their subtrees. */
export async function auditRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/programmes/:programmeId/audit',
    {
      config: { authority: 'audit.read' },
      schema: {
        tags: ['audit'],
        params: programmeParams,
        querystring: pageQuery.extend({
          entity: z.string().optional(),
          entityKey: z.string().optional(),
          userId: recordIdParam.optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: page(entry), ...errorResponses },
      },
    },
    async (request) => listAudit(database.db, actorOf(request), { programmeId: request.params.programmeId, ...request.query }),
  );
}
