import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, grantRole, listManagedUsers, revokeRole, setUserActive } from '../../domain/users.ts';
import type { Database } from '../../store/database.ts';
import { roles } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, recordIdParam } from '../../contract/api/common.ts';

const grant = z.object({ programmeId: z.string(), role: z.enum(roles), orgUnitId: z.string() });
const user = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  active: z.boolean(),
  platformAdmin: z.boolean(),
  lastLoginAt: z.date().nullable(),
  grants: z.array(grant),
});
const userParams = z.object({ userId: recordIdParam });

/**
 * User management, for admins: each sees and manages only the users whose grants lie in
 * their own subtrees, and gives roles only there (src/domain/userPolicy.ts).
 */
export async function userRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/users',
    {
      config: { authority: 'users.manage' },
      schema: { tags: ['users'], summary: 'The users you manage', querystring: pageQuery, response: { 200: page(user), ...errorResponses } },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const { items, total } = await listManagedUsers(db, actorOf(request), { limit, offset });
      return { items, total, limit, offset };
    },
  );

  r.post(
    '/users',
    {
      config: { authority: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user, without roles yet',
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
      const actor = actorOf(request);
      const id = await inTransaction(database, (tx) => createUser(tx, actor, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.patch(
    '/users/:userId',
    {
      config: { authority: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Deactivate or reactivate a user you manage (not yourself)',
        params: userParams,
        body: z.object({ active: z.boolean() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(database, (tx) => setUserActive(tx, actor, request.params.userId, request.body.active));
      return reply.status(204).send(null);
    },
  );

  for (const method of ['POST', 'DELETE'] as const) {
    r.route({
      method,
      url: '/users/:userId/roles',
      config: { authority: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: method === 'POST' ? 'Give a role over a subtree of yours to a user you manage' : 'Take a role away from a user you manage',
        params: userParams,
        body: grant,
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const change = { userId: request.params.userId, ...request.body };
        await inTransaction(database, (tx) => (method === 'POST' ? grantRole(tx, actor, change) : revokeRole(tx, actor, change)));
        return reply.status(204).send(null);
      },
    });
  }
}
