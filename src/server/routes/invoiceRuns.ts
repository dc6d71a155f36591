import { and, count as countRows, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readRun } from '../../domain/invoices/readRun.ts';
import { runDiff } from '../../domain/invoices/runDiff.ts';
import { runInvoices } from '../../domain/invoices/runInvoices.ts';
import { amountWarnings } from '../../domain/invoices/runWarnings.ts';
import { scopeUnits } from '../../domain/invoices/scopeUnits.ts';
import { authorize, scopePaths, unitPath } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { invoiceRuns, invoices } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import { actorOf } from '../auth/plugin.ts';
import { entryPeriod, errorBody, errorResponses, page, pageQuery, planningPeriod, programmeParams, recordIdParam } from '../../contract/api/common.ts';

const pending = z.object({ package: z.string(), period: z.string(), status: z.string() });
const runFields = {
  id: z.number(),
  rootOrgUnitId: z.string(),
  period: z.string(),
  programmeVersion: z.number(),
  inputsHash: z.string(),
  status: z.enum(['completed', 'failed']),
  startedBy: z.number().nullable(),
  startedAt: z.date(),
  finishedAt: z.date(),
  invoiceCount: z.number(),
  total: z.string(),
};
/** Facilities whose amount fell to 0 or moved more than the programme's share from the previous period. */
const warnings = z.object({
  previousPeriod: z.string(),
  maxChange: z.number(),
  total: z.number(),
  items: z
    .array(z.object({ orgUnitId: z.string(), payment: z.string(), kind: z.enum(['zero', 'moved']), previousAmount: z.string(), amount: z.string(), change: z.string() }))
    .readonly(),
});
const runSummary = z.object({
  ...runFields,
  amountWarnings: warnings,
  errors: z.unknown(),
  skipped: z.array(z.object({ orgUnitId: z.string(), payment: z.string(), pending: z.array(pending).readonly() })).readonly(),
  kept: z
    .array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), payment: z.string(), status: z.string(), amount: z.string(), computedAmount: z.string() }))
    .readonly(),
});
const diff = z.object({
  previousRunId: z.number().nullable(),
  lineCount: z.number(),
  changedCount: z.number(),
  oldTotal: z.string(),
  newTotal: z.string(),
  lines: page(z.object({ orgUnitId: z.string(), payment: z.string(), oldAmount: z.string().nullable(), newAmount: z.string().nullable(), delta: z.string() })),
});
const runListItem = z.object({ ...runFields, skippedCount: z.number(), keptCount: z.number() });
const runParams = programmeParams.extend({ runId: recordIdParam });

export async function invoiceRunRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.post(
    '/programmes/:programmeId/invoice-runs',
    {
      config: { authority: 'invoice.prepare' },
      schema: {
        tags: ['invoices'],
        summary:
          'Compute and store the invoices of a subtree for a month or quarter (committee); an unchanged scope returns its stored run. The answer warns of facilities whose amount fell to 0 or moved more than the programme’s share from the previous period',
        params: programmeParams,
        body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod }),
        response: { 200: z.object({ created: z.literal(false), run: runSummary }), 201: z.object({ created: z.literal(true), run: runSummary }), 422: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'invoice.prepare', request.body.orgUnitId);
      const answer = await runInvoices(db, actor, { programmeId, ...request.body });
      const run = { ...answer.run, amountWarnings: await amountWarnings(db, answer.run) };
      return reply.status(answer.created ? 201 : 200).send({ ...answer, run } as never);
    },
  );

  r.get(
    '/programmes/:programmeId/invoice-runs',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoice runs over subtrees in the user’s scope, newest first',
        params: programmeParams,
        querystring: pageQuery.extend({ orgUnitId: z.string().optional(), period: planningPeriod.optional() }),
        response: { 200: page(runListItem), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { orgUnitId, period, limit, offset } = request.query;
      await authorize(db, actor, programmeId, 'read', orgUnitId);
      const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
      const units = await scopeUnits(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
      const where = and(
        eq(invoiceRuns.programmeId, programmeId),
        sql`${invoiceRuns.rootOrgUnitId} = any(${arrayParam(units, 'text')})`,
        period === undefined ? undefined : eq(invoiceRuns.period, period),
      );
      const [count] = await db.select({ total: countRows() }).from(invoiceRuns).where(where);
      const ofRun = sql`${invoices.programmeId} = ${invoiceRuns.programmeId} and ${invoices.runId} = ${invoiceRuns.id}`;
      const items = await db
        .select({
          id: invoiceRuns.id,
          rootOrgUnitId: invoiceRuns.rootOrgUnitId,
          period: invoiceRuns.period,
          programmeVersion: invoiceRuns.programmeVersion,
          inputsHash: invoiceRuns.inputsHash,
          status: invoiceRuns.status,
          startedBy: invoiceRuns.startedBy,
          startedAt: invoiceRuns.startedAt,
          finishedAt: invoiceRuns.finishedAt,
          invoiceCount: sql<number>`(select count(*)::int from ${invoices} where ${ofRun})`,
          total: sql<string>`(select coalesce(sum(${invoices.amount}), 0)::numeric(20, 2)::text from ${invoices} where ${ofRun})`,
          skippedCount: sql<number>`jsonb_array_length(${invoiceRuns.excluded} -> 'skipped')::int`,
          keptCount: sql<number>`jsonb_array_length(${invoiceRuns.excluded} -> 'kept')::int`,
        })
        .from(invoiceRuns)
        .where(where)
        .orderBy(desc(invoiceRuns.id))
        .limit(limit)
        .offset(offset);
      return { items, total: count!.total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/invoice-runs/:runId',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['invoices'],
        summary: 'One run with what it left out, the facilities whose amount fell to 0 or moved more than the programme’s share from the previous period, and its difference from the previous run of the same scope',
        params: runParams,
        querystring: pageQuery.extend({ changedOnly: z.stringbool().default(false) }),
        response: { 200: runSummary.extend({ diff }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, runId } = request.params;
      const run = await readRun(db, programmeId, runId);
      await authorize(db, actor, programmeId, 'read', run.rootOrgUnitId);
      const [diff, warned] = await Promise.all([runDiff(db, run, request.query), amountWarnings(db, run)]);
      return { ...run, amountWarnings: warned, diff };
    },
  );
}
