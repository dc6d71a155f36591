import { and, eq, or, sql } from 'drizzle-orm';
import { columnsIn, groupBy } from "../../store/bulk.js";
import { coalesced } from "../../store/coalesced.js";
import { prepared } from "../../store/prepared.js";
import { orgUnits, periodStatus, users } from "../../store/schema.js";
import { isLocked } from "./steps.js";
import { underPath } from "../subtree.js";
export function workflowKey(key) {
    return `${key.orgUnit}\u0000${key.period}\u0000${key.package}`;
}
const selection = {
    orgUnit: periodStatus.orgUnitId,
    period: periodStatus.period,
    package: periodStatus.package,
    status: periodStatus.status,
    version: periodStatus.version,
    updatedAt: periodStatus.updatedAt,
    userId: users.id,
    username: users.username,
    name: users.name,
};
/** Built field by field: every sheet and write presents its statuses, and rest and spread copies cost more. */
function present(row) {
    return {
        orgUnit: row.orgUnit,
        period: row.period,
        package: row.package,
        status: row.status,
        version: row.version,
        updatedBy: row.userId === null ? null : { id: row.userId, username: row.username, name: row.name },
        updatedAt: row.updatedAt,
    };
}
/**
 * The stored statuses among `keys`, in one query (with those other requests ask for
 * meanwhile, see coalesced). With `hold`, the rows read stay share-locked until the
 * transaction ends, so a step cannot land between a caller's check and its write: the step
 * waits for the write, or the check sees the step.
 */
export async function statusesOf(db, programmeId, keys, hold = false) {
    if (keys.length === 0)
        return new Map();
    const unique = [...new Map(keys.map((key) => [workflowKey(key), key])).values()];
    const found = hold
        ? await storedStatuses(db, programmeId, unique, true)
        : await coalesced(db, unique.map((key) => ({ programmeId, key })), statusesOfKeys);
    return new Map(found.flatMap((status) => (status ? [[workflowKey(status), status]] : [])));
}
/** The stored status of each key, in order (undefined: still open). */
async function statusesOfKeys(db, keys) {
    const byProgramme = groupBy(keys, (key) => key.programmeId);
    const stored = new Map();
    const read = await Promise.all([...byProgramme].map(async ([programmeId, inProgramme]) => ({ programmeId, statuses: await storedStatuses(db, programmeId, inProgramme.map(({ key }) => key), false) })));
    for (const { programmeId, statuses } of read) {
        for (const status of statuses)
            stored.set(`${programmeId}\u0000${workflowKey(status)}`, status);
    }
    return keys.map(({ programmeId, key }) => stored.get(`${programmeId}\u0000${workflowKey(key)}`));
}
async function storedStatuses(db, programmeId, keys, hold) {
    const statement = prepared(db, hold ? 'statuses_of_held' : 'statuses_of', (handle, name) => {
        const query = handle
            .select(selection)
            .from(periodStatus)
            .leftJoin(users, eq(users.id, periodStatus.updatedBy))
            .where(and(eq(periodStatus.programmeId, sql.placeholder('programmeId')), columnsIn([periodStatus.orgUnitId, periodStatus.period, periodStatus.package], [sql.placeholder('orgUnits'), sql.placeholder('periods'), sql.placeholder('packages')])));
        return (hold ? query.for('share', { of: periodStatus }) : query).prepare(name);
    });
    const rows = await statement.execute({
        programmeId,
        orgUnits: keys.map((key) => key.orgUnit),
        periods: keys.map((key) => key.period),
        packages: keys.map((key) => key.package),
    });
    return rows.map(present);
}
/** The stored statuses of one period in the subtrees rooted at `paths`. */
export async function statusesIn(db, programmeId, period, paths) {
    if (paths.length === 0)
        return new Map();
    const within = or(...paths.map((path) => underPath(orgUnits.path, path)));
    const rows = await db
        .select(selection)
        .from(periodStatus)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, periodStatus.programmeId), eq(orgUnits.id, periodStatus.orgUnitId)))
        .leftJoin(users, eq(users.id, periodStatus.updatedBy))
        .where(and(eq(periodStatus.programmeId, programmeId), eq(periodStatus.period, period), within));
    return new Map(rows.map((row) => [workflowKey(row), present(row)]));
}
/** Why a value of `state` cannot change at `status`: locked from validation, frozen before. */
export function refusalOf(key, state, status) {
    if (isLocked(status))
        return { code: 'LOCKED', message: lockedMessage(key, status) };
    const name = `org unit '${key.orgUnit}', period ${key.period}, package '${key.package}'`;
    const returnedBy = status === 'declared' ? 'the verifier must return the declaration' : 'the validation committee must return the verification';
    return { code: 'FROZEN', message: `${name} is ${status}, so its ${state} values no longer change: ${returnedBy} to change them` };
}
export function lockedMessage(key, status) {
    return `org unit '${key.orgUnit}', period ${key.period}, package '${key.package}' is ${status} and locked; the validation committee must unlock it first`;
}
//# sourceMappingURL=statuses.js.map