import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/api/common.ts';
import { dryRun } from '../../contract/api/dryRun.ts';
import { dryRunProgramme } from '../../domain/invoices/dryRun.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';

export async function dryRunRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const schema = schemaOf(dryRun);
  app
    .withTypeProvider<ZodTypeProvider>()
    // 422: draft rules the engine refuses.
    .post(dryRun.url, { config: { authority: 'rules.try' }, schema: { ...schema, response: { ...schema.response, 422: errorBody } } }, async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(database.db, actor, programmeId, 'rules.try', request.body.orgUnitId);
      return dryRunProgramme(database.db, actor, { programmeId, ...request.body });
    });
}
