import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '../../contract/periodBounds.ts';
import { publicResults } from '../../domain/dashboards/publicResults.ts';
import type { Database } from '../../store/database.ts';
import { errorResponses, programmeParams } from '../../contract/api/common.ts';
import { dashboardSchemas } from './dashboardSchemas.ts';

/** The transparency page's data: open to everyone, aggregated, published figures only. */
export async function publicRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/public/programmes/:programmeId/results',
    {
      config: { authority: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Published results without signing in: per province and quarter, amounts approved and paid, average quality score',
        security: [],
        params: programmeParams,
        querystring: z.object({ year: z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR).optional() }),
        response: { 200: dashboardSchemas.publicResults, ...errorResponses },
      },
    },
    async (request) => publicResults(database.db, request.params.programmeId, request.query.year),
  );
}
