import { parsePeriod } from "../../engine/index.js";
import { versionInForce, versionsOf } from "../programmes.js";
import { entryProblem } from "../periodBounds.js";
import { allows } from "../scope.js";
import { isFrozen, frozenFrom } from "../../contract/workflow.js";
import { refusalOf, statusesOf, workflowKey } from "../workflow/statuses.js";
import { holdingsOf } from "../workflow/packages.js";
import { Units } from "../workflow/units.js";
import { actionForState } from "./states.js";
import { valueTypeProblem } from "./valueType.js";
/**
 * Checks rows against the store in a few batched queries, whatever their number: the rules of
 * the programme (see checkAgainstProgramme), then no package reading the value is locked. With
 * `hold`, the locks checked stay held for the caller's write (see statusesOf).
 */
export async function checkRows(db, actor, programmeId, rows, hold) {
    const { checked: candidates, errors } = await checkAgainstProgramme(db, actor, programmeId, rows);
    const statuses = await statusesOf(db, programmeId, candidates.flatMap(heldBy), hold);
    const checked = candidates.filter((row) => {
        for (const key of heldBy(row)) {
            const status = statuses.get(workflowKey(key))?.status;
            if (status && isFrozen(row.state, status)) {
                errors.push({ row: row.row, field: 'period', ...refusalOf(key, row.state, status) });
                return false;
            }
        }
        return true;
    });
    errors.sort((a, b) => a.row - b.row);
    return { checked, errors };
}
/**
 * The checks that read no lock, from cached facts (a query only on a miss): the unit exists; a
 * package of the version in force for the period reads the activity and state and is about the
 * unit; the actor's role writes that state in a subtree holding the unit; the value is of the
 * type those packages give the state.
 */
export async function checkAgainstProgramme(db, actor, programmeId, rows) {
    const context = {
        actor,
        programmeId,
        units: await Units.load(db, programmeId, rows.map((row) => row.orgUnit)),
        versions: await versionsByPeriod(db, programmeId, rows.map((row) => row.period)),
    };
    const checked = [];
    const errors = [];
    for (const row of rows) {
        const result = checkRow(context, row);
        if ('problem' in result)
            errors.push({ row: row.row, ...result.problem });
        else
            checked.push(result.checked);
    }
    return { checked, errors };
}
/** The workflow keys (unit, period, package) whose statuses govern a checked row, and from which status each refuses it. */
export function heldBy(row) {
    const from = frozenFrom(row.state);
    return row.holdings.map((held) => ({ orgUnit: row.orgUnit, ...held, frozenFrom: from }));
}
function checkRow(context, row) {
    const { actor, programmeId } = context;
    const unit = context.units.get(row.orgUnit);
    if (!unit) {
        return { problem: { field: 'orgUnit', code: 'UNKNOWN_ORG_UNIT', message: `org unit '${row.orgUnit}' is not in programme '${programmeId}'` } };
    }
    const outside = entryProblem(row.period);
    if (outside)
        return { problem: { field: 'period', code: 'PERIOD_OUT_OF_RANGE', message: `period: ${outside}` } };
    const period = parsePeriod(row.period);
    const version = context.versions.get(row.period);
    if (!period || !version) {
        return { problem: { field: 'period', code: 'NO_VERSION', message: `no version of programme '${programmeId}' is in force for ${row.period}` } };
    }
    const found = holdingsOf(version, row, period, (pkg) => context.units.takesPart(row.orgUnit, pkg));
    if ('problem' in found)
        return found;
    const action = actionForState(row.state);
    if (!allows(actor, programmeId, action)) {
        return { problem: { field: 'state', code: 'ROLE_NOT_ALLOWED', message: `your roles may not write state '${row.state}' (it needs '${action}')` } };
    }
    if (!allows(actor, programmeId, action, unit.path)) {
        return { problem: { field: 'orgUnit', code: 'OUT_OF_SCOPE', message: `org unit '${row.orgUnit}' is outside the subtrees where you may '${action}'` } };
    }
    const wrongType = valueTypeProblem(version, row, found.holdings);
    if (wrongType)
        return { problem: wrongType };
    return { checked: { ...row, holdings: found.holdings } };
}
/**
 * The version in force for each distinct period; undefined where none is. The versions are
 * read once, however many periods: read per period inside an import's transaction, each
 * read was kept until commit, and 15,000 periods took gigabytes.
 */
async function versionsByPeriod(db, programmeId, periods) {
    const versions = await versionsOf(db, programmeId);
    return new Map([...new Set(periods)].map((period) => [period, versionInForce(versions, period)]));
}
//# sourceMappingURL=checkRows.js.map