import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { auditLog, users } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { errorResponses, page, pageQuery, programmeParams } from './common.ts';

const entry = z.object({
  id: z.number(),
  at: z.date(),
  user: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityKey: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  reason: z.string().nullable(),
});

/** The audit log of a programme, newest first, for auditors, admins and designers. */
export async function auditRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const db = database.db;
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
          userId: z.coerce.number().int().optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
        }),
        response: { 200: page(entry), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'audit.read');
      const { entity, entityKey, userId, from, to, limit, offset } = request.query;
      const filters: (SQL | undefined)[] = [
        eq(auditLog.programmeId, programmeId),
        entity ? eq(auditLog.entity, entity) : undefined,
        entityKey ? eq(auditLog.entityKey, entityKey) : undefined,
        userId !== undefined ? eq(auditLog.userId, userId) : undefined,
        from ? gte(auditLog.at, from) : undefined,
        to ? lte(auditLog.at, to) : undefined,
      ];
      const where = and(...filters);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
      const rows = await db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          user: users.username,
          action: auditLog.action,
          entity: auditLog.entity,
          entityKey: auditLog.entityKey,
          oldValue: auditLog.oldValue,
          newValue: auditLog.newValue,
          reason: auditLog.reason,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.userId))
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .offset(offset);
      return { items: rows, total, limit, offset };
    },
  );
}
