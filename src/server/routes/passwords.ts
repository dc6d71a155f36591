import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { resetPassword } from '../../contract/api/users.ts';
import * as passwords from '../../domain/auth/passwordChange.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';
import { requestLocale } from '../requestLocale.ts';
import { inTransaction } from '../transaction.ts';

/** An admin's reset of another user's password (one's own is changed at POST /api/auth/password). */
export async function passwordRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    resetPassword.url,
    {
      config: { authority: 'users.manage' },
      schema: {
        ...schemaOf(resetPassword),
        description:
          'Sets `temporaryPassword` when given (checked like any password: 400 WEAK_PASSWORD), otherwise generates one and returns it, this once. Ends the user\'s sessions and lifts a lock.',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const locale = requestLocale(request);
      return inTransaction(database, (tx) => passwords.resetPassword(tx, actor, request.params.userId, request.body.temporaryPassword, locale));
    },
  );
}
