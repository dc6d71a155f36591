import { asc, count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/scope.ts';
import { createProgramme, previewVersion, saveProgrammeVersion, versionByNumber } from '../../domain/programmes.ts';
import type { Database } from '../../store/database.ts';
import { programmeVersions, programmes } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, planningPeriod, programmeParams, recordIdParam } from '../../contract/api/common.ts';

const programme = z.object({ id: z.string(), name: z.string(), currency: z.string(), currencyDecimals: z.number() });
const versionReach = z.object({
  periods: z.array(z.string()).readonly(),
  decidedStatuses: z.number(),
  repriced: z.array(z.object({ id: z.number(), orgUnitId: z.string(), period: z.string(), payment: z.string(), amount: z.string() })).readonly(),
  repricedCount: z.number(),
  unchangedCount: z.number(),
});
/** A national programme's rules, with its decision tables, are well under a megabyte. */
const PROGRAMME_BODY_LIMIT = 8 * 1024 * 1024;
const versionSummary = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  hash: z.string(),
  note: z.string(),
  createdAt: z.date(),
});

export async function programmeRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes',
    {
      config: { authority: 'session' }, schema: { tags: ['programmes'], summary: 'Programmes the user has a role in (all of them for a platform administrator)', response: { 200: z.array(programme), ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      if (actor.platformAdmin) return db.select().from(programmes).orderBy(asc(programmes.id));
      const ids = [...new Set(actor.grants.map((grant) => grant.programmeId))];
      if (ids.length === 0) return [];
      return db.select().from(programmes).where(inArray(programmes.id, ids)).orderBy(asc(programmes.id));
    },
  );

  r.post(
    '/programmes',
    {
      config: { authority: 'platform' },
      schema: {
        tags: ['programmes'],
        summary: 'Create a programme',
        body: z.object({
          id: z.string().regex(/^[a-z0-9_-]+$/),
          name: z.string().min(1),
          currency: z.string().length(3),
          currencyDecimals: z.number().int().min(0).max(4).default(0),
        }),
        response: { 201: programme, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(database, (tx) => createProgramme(tx, actor, request.body));
      return reply.status(201).send(request.body);
    },
  );

  r.get(
    '/programmes/:programmeId/versions',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['programmes'],
        summary: 'Versions of the rules with their effective periods',
        params: programmeParams,
        querystring: pageQuery,
        response: { 200: page(versionSummary), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read');
      const where = eq(programmeVersions.programmeId, programmeId);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(programmeVersions).where(where);
      const items = await db
        .select({
          version: programmeVersions.version,
          effectiveFrom: programmeVersions.effectiveFrom,
          hash: programmeVersions.hash,
          note: programmeVersions.note,
          createdAt: programmeVersions.createdAt,
        })
        .from(programmeVersions)
        .where(where)
        .orderBy(asc(programmeVersions.version))
        .limit(request.query.limit)
        .offset(request.query.offset);
      return { items, total, ...request.query };
    },
  );

  r.post(
    '/programmes/:programmeId/versions',
    {
      config: { authority: 'rules.write' },
      bodyLimit: PROGRAMME_BODY_LIMIT,
      schema: {
        tags: ['programmes'],
        summary: 'Save a new version of the rules, checked by the engine, effective from a period',
        description:
          'A version effective in a period already validated or invoiced answers 409 VERSION_REACHES_BACK with the invoices it would reprice, ' +
          'unless confirmReachBack is true with a reason. dryRun=true checks and reports that reach without saving.',
        params: programmeParams,
        querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
        body: z.strictObject({
          definition: z.unknown(),
          effectiveFrom: planningPeriod,
          note: z.string().max(2000).default(''),
          confirmReachBack: z.boolean().default(false).describe('save although the version reaches back to periods already validated or invoiced'),
          reason: z.string().max(2000).optional().describe('why it reaches back: required with confirmReachBack, audited'),
        }),
        response: {
          200: z.object({ dryRun: z.literal(true), reach: versionReach }),
          201: z.object({ version: z.number(), effectiveFrom: z.string(), hash: z.string(), reach: versionReach }),
          422: errorResponses[400],
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      if (request.query.dryRun) return reply.status(200).send({ dryRun: true as const, reach: await previewVersion(db, programmeId, request.body) });
      const saved = await inTransaction(database, (tx) => saveProgrammeVersion(tx, actor, programmeId, request.body));
      return reply.status(201).send({ version: saved.version, effectiveFrom: saved.effectiveFrom, hash: saved.hash, reach: saved.reach });
    },
  );

  r.get(
    '/programmes/:programmeId/versions/:version',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['programmes'],
        summary: 'One version of the rules with its definition',
        params: programmeParams.extend({ version: recordIdParam }),
        response: { 200: z.object({ version: z.number(), effectiveFrom: z.string(), hash: z.string(), definition: z.unknown() }), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, version } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read');
      const found = await versionByNumber(db, programmeId, version);
      return { version: found.version, effectiveFrom: found.effectiveFrom, hash: found.hash, definition: found.program };
    },
  );
}

