import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resetPassword } from '../../domain/auth/passwordChange.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { requestLocale } from '../requestLocale.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, recordIdParam } from '../../contract/api/common.ts';

/** An admin's reset of another user's password (one's own is changed at POST /api/auth/password). */
export async function passwordRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/users/:userId/password-reset',
    {
      config: { authority: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: "Reset the password of a user you manage (not yourself): they must choose a new one at their next sign-in",
        description:
          'Sets `temporaryPassword` when given (checked like any password: 400 WEAK_PASSWORD), otherwise generates one and returns it, this once. Ends the user\'s sessions and lifts a lock.',
        params: z.object({ userId: recordIdParam }),
        body: z.object({ temporaryPassword: z.string().optional() }),
        response: { 200: z.object({ temporaryPassword: z.string().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const locale = requestLocale(request);
      return inTransaction(database, (tx) => resetPassword(tx, actor, request.params.userId, request.body.temporaryPassword, locale));
    },
  );
}
