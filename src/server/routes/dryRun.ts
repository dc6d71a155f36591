import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dryRunProgramme } from '../../domain/invoices/dryRun.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { entryPeriod, errorBody, errorResponses, programmeParams } from '../../contract/api/common.ts';

const change = z.object({
  orgUnitId: z.string(),
  name: z.string(),
  payment: z.string(),
  current: z.string().nullable(),
  draft: z.string().nullable(),
  delta: z.string(),
});

export async function dryRunRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/programmes/:programmeId/dry-run',
    {
      config: { authority: 'rules.try' },
      schema: {
        tags: ['programmes'],
        summary: 'How draft rules would move each facility’s payment in a subtree and period (nothing is written)',
        params: programmeParams,
        body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, definition: z.unknown() }),
        response: {
          200: z.object({
            period: z.string(),
            version: z.number(),
            changes: z.array(change).readonly(),
            unchanged: z.number(),
            totals: z.object({ current: z.string(), draft: z.string(), delta: z.string() }),
          }),
          422: errorBody,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(database.db, actor, programmeId, 'rules.try', request.body.orgUnitId);
      return dryRunProgramme(database.db, actor, { programmeId, ...request.body });
    },
  );
}
