import { and, count, eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { importOrgUnits } from '../../domain/orgUnits.ts';
import { authorize, scopePaths } from '../../domain/scope.ts';
import { columnsIn } from '../../store/bulk.ts';
import { coalesced } from '../../store/coalesced.ts';
import type { Database, Db, Tx } from '../../store/database.ts';
import { prepared, type Planning } from '../../store/prepared.ts';
import { orgUnits } from '../../store/schema.ts';
import { actorOf } from '../auth/plugin.ts';
import { inTransaction } from '../transaction.ts';
import { errorResponses, page, pageQuery, programmeParams } from './common.ts';
import { subtreePattern } from '../../domain/subtree.ts';

const orgUnit = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.number(),
  path: z.string(),
  groups: z.record(z.string(), z.string()),
  attributes: z.record(z.string(), z.number()),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const orgUnitInput = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  parent: z.string().optional(),
  groups: z.record(z.string(), z.string()).optional(),
  attributes: z.record(z.string(), z.number()).optional(),
  validFrom: z.string().date().optional(),
  validTo: z.string().date().optional(),
});

/** Which filters a list asks for: each combination is one prepared statement. */
interface ListFilters {
  readonly parent: boolean;
  readonly search: boolean;
  readonly ids: boolean;
}

const placeholder = sql.placeholder;

/** The units in the actor's subtrees (`scopes`: LIKE patterns) matching the filters asked for. */
function listWhere(filters: ListFilters): SQL | undefined {
  return and(
    eq(orgUnits.programmeId, placeholder('programmeId')),
    sql`${orgUnits.path} like any(${placeholder('scopes')}::text[])`,
    filters.parent ? eq(orgUnits.parentId, placeholder('parent')) : undefined,
    filters.search ? or(ilike(orgUnits.name, placeholder('search')), ilike(orgUnits.id, placeholder('search'))) : undefined,
    filters.ids ? sql`${orgUnits.id} = any(${placeholder('ids')}::text[])` : undefined,
  );
}

const variant = (filters: ListFilters) => `${filters.parent ? 'p' : ''}${filters.search ? 's' : ''}${filters.ids ? 'i' : ''}`;

/** A search is planned for its text: a plan made without it tests every name before the scope. */
const planning = (filters: ListFilters): Planning => (filters.search ? 'per call' : 'once');

/**
 * The page and the total in one query: the browser asks for pages all the time. Ordered by
 * the bytes of the path (ids are codes): the database may then find a unit's children by the
 * parent index and sort them, instead of walking the whole tree in path order.
 */
function listStatement(db: Db, filters: ListFilters) {
  return prepared(db, `org_units_${variant(filters)}`, (handle, name) =>
    handle
      .select({ ...getTableColumns(orgUnits), total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(orgUnits)
      .where(listWhere(filters))
      .orderBy(sql`${orgUnits.path} collate "C"`)
      .limit(placeholder('limit'))
      .offset(placeholder('offset'))
      .prepare(name),
    planning(filters),
  );
}

/** Each unit asked for, in order (undefined: none). */
async function unitsById(db: Db | Tx, keys: readonly { programmeId: string; orgUnitId: string }[]) {
  const rows = await prepared(db, 'org_units_by_id', (handle, name) =>
    handle
      .select()
      .from(orgUnits)
      .where(columnsIn([orgUnits.programmeId, orgUnits.id], [placeholder('programmeIds'), placeholder('ids')]))
      .prepare(name),
  ).execute({ programmeIds: keys.map((key) => key.programmeId), ids: keys.map((key) => key.orgUnitId) });
  const byKey = new Map(rows.map((row) => [`${row.programmeId}\u0000${row.id}`, row]));
  return keys.map((key) => byKey.get(`${key.programmeId}\u0000${key.orgUnitId}`));
}

/** The total alone, for a page past the end. */
function countStatement(db: Db, filters: ListFilters) {
  return prepared(db, `org_units_count_${variant(filters)}`, (handle, name) =>
    handle.select({ total: count() }).from(orgUnits).where(listWhere(filters)).prepare(name),
    planning(filters),
  );
}

export async function orgUnitRoutes(app: FastifyInstance, { database }: { database: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  r.get(
    '/programmes/:programmeId/org-units',
    {
      schema: {
        tags: ['org units'],
        summary: 'Org units in the user’s scope: children of a parent, a search by id or name, or the units of a list of ids',
        params: programmeParams,
        querystring: pageQuery.extend({
          parent: z.string().optional(),
          search: z.string().optional(),
          ids: z
            .string()
            .describe('comma-separated ids (at most 1,000), e.g. for the names of the units a list shows; ids out of scope are left out')
            .transform((text) => text.split(',').filter((id) => id !== ''))
            .pipe(z.array(z.string()).max(1000))
            .optional(),
        }),
        response: { 200: page(orgUnit), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      const { parent, search, ids, limit, offset } = request.query;
      await authorize(db, actor, programmeId, 'read', parent);
      const filters = { parent: parent !== undefined, search: search !== undefined, ids: ids !== undefined };
      const params = {
        programmeId,
        scopes: scopePaths(actor, programmeId, 'read').map(subtreePattern),
        parent,
        search: search === undefined ? undefined : `%${search.replace(/[\\%_]/g, '\\$&')}%`,
        ids,
        limit,
        offset,
      };
      const rows = await listStatement(db, filters).execute(params);
      const total = rows[0]?.total ?? (offset === 0 ? 0 : (await countStatement(db, filters).execute(params))[0]!.total);
      // The serializer leaves out the columns the schema does not declare (programmeId, total).
      return { items: rows, total, limit, offset };
    },
  );

  r.get(
    '/programmes/:programmeId/org-units/:orgUnitId',
    {
      schema: {
        tags: ['org units'],
        params: programmeParams.extend({ orgUnitId: z.string() }),
        response: { 200: orgUnit, ...errorResponses },
      },
    },
    async (request) => {
      const { programmeId, orgUnitId } = request.params;
      await authorize(db, actorOf(request), programmeId, 'read', orgUnitId);
      const unit = await coalesced(db, 'org_units_by_id', { programmeId, orgUnitId }, unitsById);
      if (!unit) throw errors.notFound(`org unit '${orgUnitId}'`); // removed since authorize read its cached facts
      return unit;
    },
  );

  r.put(
    '/programmes/:programmeId/org-units',
    {
      schema: {
        tags: ['org units'],
        summary: 'Replace the org-unit tree (validated first; nothing is written on error)',
        params: programmeParams,
        body: z.array(orgUnitInput),
        response: { 200: z.object({ count: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { programmeId } = request.params;
      await authorize(db, actor, programmeId, 'programme.design');
      return inTransaction(database, (tx) => importOrgUnits(tx, actor, programmeId, request.body));
    },
  );
}

