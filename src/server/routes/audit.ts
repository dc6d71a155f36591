import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as contract from '../../contract/api/audit.ts';
import { listAudit } from '../../domain/auditReads.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';

/** The audit log of a programme, newest first, for auditors, admins and designers, scoped to their subtrees. */
export async function auditRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const route = contract.listAudit;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(route.url, { config: { authority: 'audit.read' }, schema: schemaOf(route) }, async (request) =>
      listAudit(database.db, actorOf(request), { programmeId: request.params.programmeId, ...request.query }),
    );
}
