import { asc, count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { authorize } from '../../domain/scope.ts';
import { createUser, grantRole, revokeRole, setUserActive } from '../../domain/users.ts';
import type { Database } from '../../store/database.ts';
import { roles, userRoles, users } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery } from './common.ts';

const grant = z.object({ programmeId: z.string(), role: z.enum(roles), orgUnitId: z.string() });
const user = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  active: z.boolean(),
  grants: z.array(grant),
});
const userParams = z.object({ userId: z.coerce.number().int() });

/** User management, for admins; grants only inside the admin's own subtrees. */
export async function userRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;
  const requireAdmin = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    if (!actor.grants.some((g) => g.role === 'admin')) throw errors.forbidden("only an admin may manage users ('users.manage')");
    return actor;
  };

  r.get(
    '/users',
    { schema: { tags: ['users'], querystring: pageQuery, response: { 200: page(user), ...errorResponses } } },
    async (request) => {
      requireAdmin(request);
      const { limit, offset } = request.query;
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users);
      const rows = await db.select().from(users).orderBy(asc(users.username)).limit(limit).offset(offset);
      const grants = rows.length
        ? await db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((row) => row.id)))
        : [];
      const items = rows.map((row) => ({
        id: row.id,
        username: row.username,
        name: row.name,
        locale: row.locale,
        active: row.active,
        grants: grants.filter((g) => g.userId === row.id).map(({ programmeId, role, orgUnitId }) => ({ programmeId, role, orgUnitId })),
      }));
      return { items, total, limit, offset };
    },
  );

  r.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        body: z.object({
          username: z.string().regex(/^[a-z0-9._-]{3,40}$/),
          name: z.string().min(1),
          password: z.string().min(10, 'at least 10 characters'),
          locale: z.enum(['fr', 'en']).default('fr'),
        }),
        response: { 201: z.object({ id: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const id = await inTransaction(database, (tx) => createUser(tx, actor, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['users'],
        params: userParams,
        body: z.object({ active: z.boolean() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      if (request.params.userId === actor.userId) throw errors.validation('active: you cannot deactivate yourself', [{ at: 'body.active' }]);
      await inTransaction(database, (tx) => setUserActive(tx, actor, request.params.userId, request.body.active));
      return reply.status(204).send(null);
    },
  );

  for (const method of ['POST', 'DELETE'] as const) {
    r.route({
      method,
      url: '/users/:userId/roles',
      schema: {
        tags: ['users'],
        summary: method === 'POST' ? 'Give a role over a subtree' : 'Take a role away',
        params: userParams,
        body: grant,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { programmeId, orgUnitId } = request.body;
        await authorize(db, actor, programmeId, 'users.manage', orgUnitId);
        const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, request.params.userId));
        if (!target) throw errors.notFound(`user ${request.params.userId}`);
        const change = { userId: target.id, ...request.body };
        await inTransaction(database, (tx) => (method === 'POST' ? grantRole(tx, actor, change) : revokeRole(tx, actor, change)));
        return reply.status(204).send(null);
      },
    });
  }
}
