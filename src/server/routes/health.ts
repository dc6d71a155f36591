import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health } from '../../contract/api/system.ts';
import { schemaOf } from '../contractCheck.ts';

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(health.url, { config: { authority: 'public' }, schema: schemaOf(health) }, async () => ({ status: 'ok' as const }));
}
