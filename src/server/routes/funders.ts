import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addFunderShare } from '../../domain/payments/addFunderShare.ts';
import { createFunder } from '../../domain/payments/createFunder.ts';
import { endFunderShare } from '../../domain/payments/endFunderShare.ts';
import { readableShares } from '../../domain/payments/loadShares.ts';
import { removeFunderShare } from '../../domain/payments/removeFunderShare.ts';
import { renameFunder } from '../../domain/payments/renameFunder.ts';
import { authorize } from '../../domain/scope.ts';
import type { Database } from '../../store/database.ts';
import { funders } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, planningPeriod, programmeParams, recordIdParam } from '../../contract/api/common.ts';

const funder = z.object({ id: z.string(), name: z.string() });
const share = z.object({
  id: z.number(),
  funderId: z.string(),
  orgUnitId: z.string(),
  payment: z.string().nullable(),
  share: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
/** A decimal given as text ("0.6") or a JSON number. */
const decimal = z.union([z.string(), z.number()]).transform(String);
const shareParams = programmeParams.extend({ shareId: recordIdParam });

export async function funderRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes/:programmeId/funders',
    {
      config: { authority: 'read' }, schema: { tags: ['funders'], summary: 'The programme’s funders', params: programmeParams, response: { 200: z.array(funder), ...errorResponses } } },
    async (request) => {
      const { programmeId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read');
      return db.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.programmeId, programmeId)).orderBy(sql`${funders.id} collate "C"`);
    },
  );

  r.post(
    '/programmes/:programmeId/funders',
    {
      config: { authority: 'funders.manage' },
      schema: {
        tags: ['funders'],
        summary: 'Add a funder (programme designer)',
        params: programmeParams,
        body: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]+$/), name: z.string().min(1) }),
        response: { 201: funder, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      return reply.status(201).send(await inTransaction(database, (tx) => createFunder(tx, actor, { programmeId, ...request.body })));
    },
  );

  r.patch(
    '/programmes/:programmeId/funders/:funderId',
    {
      config: { authority: 'funders.manage' },
      schema: {
        tags: ['funders'],
        summary: 'Rename a funder (programme designer)',
        params: programmeParams.extend({ funderId: z.string() }),
        body: z.object({ name: z.string().min(1), reason: z.string().optional() }),
        response: { 200: funder, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, funderId } = request.params;
      return inTransaction(database, (tx) => renameFunder(tx, actor, { programmeId, id: funderId, ...request.body }));
    },
  );

  r.get(
    '/programmes/:programmeId/funder-shares',
    {
      config: { authority: 'read' },
      schema: {
        tags: ['funders'],
        summary: 'Funder shares: which funder pays which fraction of a subtree’s payments, and when (those of the reader’s subtrees and of the units above them)',
        params: programmeParams,
        querystring: pageQuery.extend({ funderId: z.string().optional(), orgUnitId: z.string().optional() }),
        response: { 200: page(share), ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId } = request.params;
      const { funderId, orgUnitId, limit, offset } = request.query;
      const all = await readableShares(db, actorOf(request), programmeId, { funderId, orgUnitId });
      return { items: all.slice(offset, offset + limit).map(({ path: _p, ...row }) => row), total: all.length, limit, offset };
    },
  );

  r.post(
    '/programmes/:programmeId/funder-shares',
    {
      config: { authority: 'funders.manage' },
      schema: {
        tags: ['funders'],
        summary: 'Give a funder a share of a subtree’s payments, optionally of one payment, from a period on (programme designer)',
        params: programmeParams,
        body: z.object({
          funderId: z.string().min(1),
          orgUnitId: z.string().min(1),
          payment: z.string().min(1).nullable().optional(),
          share: decimal,
          validFrom: planningPeriod,
          validTo: planningPeriod.nullable().optional(),
        }),
        response: { 201: share, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
            const created = await inTransaction(database, (tx) => addFunderShare(tx, actor, { programmeId, ...request.body }));
      const { path: _p, ...row } = created;
      return reply.status(201).send(row);
    },
  );

  r.patch(
    '/programmes/:programmeId/funder-shares/:shareId',
    {
      config: { authority: 'funders.manage' },
      schema: {
        tags: ['funders'],
        summary: 'Set the last period of a share (programme designer)',
        params: shareParams,
        body: z.object({ validTo: planningPeriod, reason: z.string().max(2000).optional() }),
        response: { 200: share, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId, shareId } = request.params;
      const { path: _p, ...row } = await inTransaction(database, (tx) => endFunderShare(tx, actor, { programmeId, shareId, ...request.body }));
      return row;
    },
  );

  r.delete(
    '/programmes/:programmeId/funder-shares/:shareId',
    {
      config: { authority: 'funders.manage' },
      schema: {
        tags: ['funders'],
        summary: 'Delete a share entered by mistake, with a reason (programme designer); orders already made keep their lines',
        params: shareParams,
        body: z.object({ reason: z.string().min(1) }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { programmeId, shareId } = request.params;
      await inTransaction(database, (tx) => removeFunderShare(tx, actor, { programmeId, shareId, reason: request.body.reason }));
      return reply.status(204).send(null);
    },
  );
}

