import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getJob, listJobs } from '../../contract/api/jobs.ts';
import { readJob, readJobs } from '../../domain/jobs/readJobs.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';

export async function jobRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(getJob.url, { config: { authority: 'read' }, schema: schemaOf(getJob) }, async (request) =>
    readJob(database.db, actorOf(request), request.params.programmeId, request.params.jobId),
  );
  r.get(listJobs.url, { config: { authority: 'read' }, schema: schemaOf(listJobs) }, async (request) =>
    readJobs(database.db, actorOf(request), request.params.programmeId, request.query),
  );
}
