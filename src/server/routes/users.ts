import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createUser, grantRole, listUsers, revokeRole, setUserActive } from '../../contract/api/users.ts';
import * as users from '../../domain/users.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { inTransaction } from '../transaction.ts';

/**
 * User management, for admins: each sees and manages only the users whose grants lie in
 * their own subtrees, and gives roles only there (src/domain/userPolicy.ts).
 */
export async function userRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { authority: 'users.manage' } as const;

  r.get(listUsers.url, { config, schema: schemaOf(listUsers) }, async (request) => {
    const { limit, offset } = request.query;
    const { items, total } = await users.listManagedUsers(database.db, actorOf(request), { limit, offset });
    return { items, total, limit, offset };
  });

  r.post(createUser.url, { config, schema: schemaOf(createUser) }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await inTransaction(database, (tx) => users.createUser(tx, actor, request.body));
    return reply.status(201).send({ id });
  });

  r.patch(setUserActive.url, { config, schema: schemaOf(setUserActive) }, async (request, reply) => {
    const actor = actorOf(request);
    await inTransaction(database, (tx) => users.setUserActive(tx, actor, request.params.userId, request.body.active));
    return reply.status(204).send(null);
  });

  r.post(grantRole.url, { config, schema: schemaOf(grantRole) }, async (request, reply) => {
    const actor = actorOf(request);
    await inTransaction(database, (tx) => users.grantRole(tx, actor, { userId: request.params.userId, ...request.body }));
    return reply.status(204).send(null);
  });

  r.delete(revokeRole.url, { config, schema: schemaOf(revokeRole) }, async (request, reply) => {
    const actor = actorOf(request);
    await inTransaction(database, (tx) => users.revokeRole(tx, actor, { userId: request.params.userId, ...request.body }));
    return reply.status(204).send(null);
  });
}
