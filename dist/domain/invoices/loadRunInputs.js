import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { orgUnits, periodStatus, programmes } from "../../store/schema.js";
import { arrayParam, queryRows } from "../../store/sql.js";
import { byCodePoints, sha256Lines } from "../canonical.js";
import { errors } from "../errors.js";
import { versionFor } from "../programmes.js";
import { unitPath } from "../scope.js";
import { dataPeriods } from "./periods.js";
import { ancestorIds, underPath } from "../subtree.js";
/** Statuses from which a facility's package may be invoiced. */
export const INVOICEABLE = new Set(['validated', 'invoiced', 'approved', 'ordered', 'paid']);
export function statusKey(orgUnit, period, pkg) {
    return `${orgUnit}\u0000${period}\u0000${pkg}`;
}
/** Reads the programme version in force, the subtree, its entered values and workflow statuses. */
export async function loadRunInputs(db, props) {
    const { programmeId, rootOrgUnitId, period } = props;
    const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
    if (!programme)
        throw errors.notFound(`programme '${programmeId}'`);
    const rootPath = await unitPath(db, programmeId, rootOrgUnitId);
    const version = await versionFor(db, programmeId, period.id);
    const units = await loadUnits(db, programmeId, rootPath);
    const periods = dataPeriods(period);
    const data = await loadData(db, programmeId, units.subtree, periods);
    const statuses = await loadStatuses(db, programmeId, units.subtree, periods);
    const header = { programmeId, version: version.version, versionHash: version.hash, rootOrgUnitId, period: period.id, orgUnits: units.inputs };
    const invoiceable = [...statuses].filter(([, row]) => INVOICEABLE.has(row.status)).map(([key]) => key).sort(byCodeUnits);
    const hash = sha256Lines((function* () {
        yield header;
        for (const row of data)
            yield [row.orgUnit, row.period, row.activity, row.state, row.value];
        yield* invoiceable.map((key) => key.split('\u0000'));
    })());
    return {
        programmeId,
        rootOrgUnitId,
        period,
        currencyDecimals: programme.currencyDecimals,
        version,
        orgUnits: units.inputs,
        subtree: units.subtree,
        data,
        statuses,
        hash,
    };
}
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
async function loadUnits(db, programmeId, rootPath) {
    const rows = await db
        .select({ id: orgUnits.id, parentId: orgUnits.parentId, groups: orgUnits.groups, attributes: orgUnits.attributes, path: orgUnits.path })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(underPath(orgUnits.path, rootPath), inArray(orgUnits.id, ancestorIds(rootPath)))))
        .orderBy(sql `${orgUnits.path} collate "C"`);
    const inputs = rows.map((row) => ({
        id: row.id,
        ...(row.parentId ? { parent: row.parentId } : {}),
        groups: row.groups,
        attributes: row.attributes,
    }));
    const subtree = rows.filter((row) => row.path.startsWith(rootPath)).map((row) => row.id);
    return { inputs, subtree };
}
/**
 * Units are matched against the subtree's ids as one array, not by joining on paths: on a
 * table never analysed (PGlite has no autovacuum) the planner would otherwise pick a
 * nested loop over both tables. Rows are put in order here rather than by the database,
 * whose sort took longer than the whole read (the hash and snapshot need one fixed order).
 */
async function loadData(db, programmeId, subtree, periods) {
    // Raw SQL: drizzle's mapping of the rows took half again as long as the query.
    const rows = await queryRows(db, sql `select org_unit_id as "orgUnit", period, activity, state, value::text as value from data_values
        where programme_id = ${programmeId} and org_unit_id = any(${arrayParam(subtree, 'text')}) and period = any(${arrayParam(periods, 'text')})`);
    return rows.sort(byKey);
}
/** The order of the database's `collate "C"`, which runs stored before this read used. */
const byKey = (a, b) => byCodePoints(a.orgUnit, b.orgUnit) || byCodePoints(a.period, b.period) || byCodePoints(a.activity, b.activity) || byCodePoints(a.state, b.state);
async function loadStatuses(db, programmeId, subtree, periods) {
    const rows = await db
        .select({ orgUnit: periodStatus.orgUnitId, period: periodStatus.period, package: periodStatus.package, status: periodStatus.status, version: periodStatus.version })
        .from(periodStatus)
        .where(and(eq(periodStatus.programmeId, programmeId), sql `${periodStatus.orgUnitId} = any(${arrayParam(subtree, 'text')})`, inArray(periodStatus.period, periods)));
    return new Map(rows.map((row) => [statusKey(row.orgUnit, row.period, row.package), { status: row.status, version: row.version }]));
}
//# sourceMappingURL=loadRunInputs.js.map