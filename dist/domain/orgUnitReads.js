import { and, count, eq, getTableColumns, ilike, or, sql } from 'drizzle-orm';
import { columnsIn, groupBy } from "../store/bulk.js";
import { coalesced } from "../store/coalesced.js";
import { prepared, preparedSql } from "../store/prepared.js";
import { orgUnits } from "../store/schema.js";
import { subtreePattern } from "./subtree.js";
/**
 * A page and the total. A parent's children, what the tree browser asks for all the time,
 * are read with those other requests ask for meanwhile (see coalesced); other lists alone.
 */
export async function listOrgUnits(db, query) {
    const { parent, search, ids, offset } = query;
    const filters = { parent: parent !== undefined, search: search !== undefined, ids: ids !== undefined };
    const params = { ...query, scopes: query.scopes.map(subtreePattern), search: search === undefined ? undefined : `%${search.replace(/[\\%_]/g, '\\$&')}%` };
    const rows = parent !== undefined && !filters.search && !filters.ids
        ? (await coalesced(db, [{ ...params, parent }], childrenPages))[0]
        : await listStatement(db, filters).execute(params);
    const total = rows[0]?.total ?? (offset === 0 ? 0 : (await countStatement(db, filters).execute(params))[0].total);
    return { items: rows, total };
}
/** A unit by id, with those other requests ask for meanwhile (see coalesced). */
export async function orgUnitById(db, programmeId, orgUnitId) {
    return (await coalesced(db, [{ programmeId, orgUnitId }], unitsById))[0];
}
const placeholder = sql.placeholder;
const inScope = sql `${orgUnits.path} like any(${placeholder('scopes')}::text[])`;
function listWhere(filters) {
    return and(eq(orgUnits.programmeId, placeholder('programmeId')), inScope, filters.parent ? eq(orgUnits.parentId, placeholder('parent')) : undefined, filters.search ? or(ilike(orgUnits.name, placeholder('search')), ilike(orgUnits.id, placeholder('search'))) : undefined, filters.ids ? sql `${orgUnits.id} = any(${placeholder('ids')}::text[])` : undefined);
}
const variant = (filters) => `${filters.parent ? 'p' : ''}${filters.search ? 's' : ''}${filters.ids ? 'i' : ''}`;
/** A search is planned for its text: a plan made without it tests every name before the scope. */
const planning = (filters) => (filters.search ? 'per call' : 'once');
/**
 * Ordered by the bytes of the path (ids are codes): the database may then find a unit's
 * children by the parent index and sort them, instead of walking the whole tree in path order.
 */
const pathOrder = sql `${orgUnits.path} collate "C"`;
/** The page and the total in one query: the browser asks for pages all the time. */
function listStatement(db, filters) {
    return prepared(db, `org_units_${variant(filters)}`, (handle, name) => handle
        .select({ ...getTableColumns(orgUnits), total: sql `count(*) over ()`.mapWith(Number) })
        .from(orgUnits)
        .where(listWhere(filters))
        .orderBy(pathOrder)
        .limit(placeholder('limit'))
        .offset(placeholder('offset'))
        .prepare(name), planning(filters));
}
/** The total alone, for a page past the end. */
function countStatement(db, filters) {
    return prepared(db, `org_units_count_${variant(filters)}`, (handle, name) => handle.select({ total: count() }).from(orgUnits).where(listWhere(filters)).prepare(name), planning(filters));
}
/** The page of each parent's children asked for, in order: one query for the parents of lists alike but for the parent. */
async function childrenPages(db, queries) {
    const alike = groupBy(queries, (query) => JSON.stringify([query.programmeId, query.scopes, query.limit, query.offset]));
    const pages = new Map();
    // At once, each on a connection of its own: no group waits for the others.
    await Promise.all([...alike.values()].map(async (group) => {
        const { programmeId, scopes, limit, offset } = group[0];
        const parents = [...new Set(group.map((query) => query.parent))];
        const rows = await preparedSql(db, 'org_unit_children', childrenSql).execute({ programmeId, scopes, parents, limit, offset });
        const byParent = groupBy(rows, (row) => row.parentId);
        for (const query of group)
            pages.set(query, byParent.get(query.parent) ?? []);
    }));
    return queries.map((query) => pages.get(query));
}
/**
 * A page of the children of each of several parents, numbered and counted per parent. Raw
 * SQL whose rows are already units as the builder reads them: mapping each column of the
 * hundreds of rows of a batch through the builder's decoders cost a list 5–8% of its CPU.
 */
function childrenSql() {
    return sql `select ${unitColumns}, n.total::int4 as total
    from (select u.*, count(*) over (partition by u.parent_id) as total, row_number() over (partition by u.parent_id order by u.path collate "C") as position
      from ${orgUnits} u
      where u.programme_id = ${placeholder('programmeId')} and u.path like any(${placeholder('scopes')}::text[]) and u.parent_id = any(${placeholder('parents')}::text[])) n
    where n.position > ${placeholder('offset')}::int8 and n.position <= ${placeholder('offset')}::int8 + ${placeholder('limit')}::int8
    order by n.parent_id, n.position`;
}
/** The columns of a unit (as `n`) named as OrgUnitRow names them. */
const unitColumns = sql.raw(Object.entries(getTableColumns(orgUnits))
    .map(([field, column]) => `n.${column.name} as "${field}"`)
    .join(', '));
/** Each unit asked for, in order (undefined: none). */
async function unitsById(db, keys) {
    const rows = await prepared(db, 'org_units_by_id', (handle, name) => handle
        .select()
        .from(orgUnits)
        .where(columnsIn([orgUnits.programmeId, orgUnits.id], [placeholder('programmeIds'), placeholder('ids')]))
        .prepare(name)).execute({ programmeIds: keys.map((key) => key.programmeId), ids: keys.map((key) => key.orgUnitId) });
    const byKey = new Map(rows.map((row) => [`${row.programmeId}\u0000${row.id}`, row]));
    return keys.map((key) => byKey.get(`${key.programmeId}\u0000${key.orgUnitId}`));
}
//# sourceMappingURL=orgUnitReads.js.map