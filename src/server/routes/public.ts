import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publishedResults } from '../../contract/api/public.ts';
import { publicResults } from '../../domain/dashboards/publicResults.ts';
import type { Database } from '../../store/database.ts';
import { schemaOf } from '../contractCheck.ts';

/** The transparency page's data: open to everyone, aggregated, published figures only. */
export async function publicRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(publishedResults.url, { config: { authority: 'public' }, schema: { ...schemaOf(publishedResults), security: [] } }, async (request) =>
      publicResults(database.db, request.params.programmeId, request.query.year),
    );
}
