import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getInvoiceRun, listInvoiceRuns, startInvoiceRun } from '../../contract/api/invoiceRuns.ts';
import { listRuns } from '../../domain/invoices/listRuns.ts';
import { readRun } from '../../domain/invoices/readRun.ts';
import { runDiff } from '../../domain/invoices/runDiff.ts';
import { amountWarnings } from '../../domain/invoices/runWarnings.ts';
import { startInvoiceRun as startRun } from '../../domain/invoices/startInvoiceRun.ts';
import { jobView } from '../../domain/jobs/readJobs.ts';
import type { JobRunner } from '../../domain/jobs/jobRunner.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { schemaOf } from '../contractCheck.ts';

export async function invoiceRunRoutes(app: FastifyInstance, { database, jobs }: { database: Database; jobs: JobRunner }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(startInvoiceRun.url, { config: { authority: 'invoice.prepare' }, schema: schemaOf(startInvoiceRun) }, async (request, reply) => {
    const job = await startRun(database, jobs, actorOf(request), { programmeId: request.params.programmeId, ...request.body });
    return reply.status(202).send({ job: jobView(job) });
  });

  r.get(listInvoiceRuns.url, { config: { authority: 'read' }, schema: schemaOf(listInvoiceRuns) }, async (request) =>
    listRuns(db, actorOf(request), { programmeId: request.params.programmeId, ...request.query }),
  );

  r.get(getInvoiceRun.url, { config: { authority: 'read' }, schema: schemaOf(getInvoiceRun) }, async (request) => {
    const { programmeId, runId } = request.params;
    const run = await readRun(db, programmeId, runId);
    await authorize(db, actorOf(request), programmeId, 'read', run.rootOrgUnitId);
    const [diff, warned] = await Promise.all([runDiff(db, run, request.query), amountWarnings(db, run)]);
    return { ...run, amountWarnings: warned, diff };
  });
}
