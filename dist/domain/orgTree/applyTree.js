import { and, eq, inArray, sql } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { forgetSessions } from "../auth/sessions.js";
import { errors } from "../errors.js";
import { forgetUnitFacts } from "../unitFacts.js";
import { lockTree, storedTree } from "./storedTree.js";
import { diffTree } from "./treeDiff.js";
import { pick } from "./unitRecord.js";
import { describeHoldings, unitReferences } from "./unitReferences.js";
/** Changes listed in a report; the counts cover them all. */
const LISTED = 1000;
const BATCH = 2000;
/**
 * Makes a programme's tree `wanted`, unit by unit: units are added, moved, updated and
 * removed, never the whole tree dropped and written again. A change that would remove a
 * unit holding records, or move one as a by-product of comparing a whole tree, is refused
 * with the list of what it would orphan, unless `force` says so with a reason. Every change
 * is audited with its old and new values. `wanted` is the whole tree, or made from the
 * stored one (an edit), read once the tree is locked.
 */
export async function applyTree(tx, actor, programmeId, wanted, options = {}) {
    await lockTree(tx, programmeId);
    const stored = await storedTree(tx, programmeId);
    const computed = diffTree(stored, typeof wanted === 'function' ? wanted(stored) : wanted);
    if ('problems' in computed) {
        throw errors.validation(`the org-unit tree is invalid: ${computed.problems[0].message}`, computed.problems);
    }
    const { diff } = computed;
    const orphans = await orphansOf(tx, programmeId, diff, options.movesMeant ?? false);
    const report = summarise(diff, orphans, options.dryRun ?? false);
    if (options.dryRun)
        return report;
    if (orphans.length > 0 && !options.force)
        throw orphaned(orphans);
    const reason = options.reason?.trim();
    if (options.force && !reason)
        throw errors.validation('reason: say why units holding records are removed or moved', [{ at: 'reason' }]);
    await write(tx, programmeId, diff);
    forgetUnitFacts(tx, programmeId);
    forgetSessions(tx);
    await recordAudit(tx, diff.changes.map((change) => auditOf(programmeId, actor, change, reason)));
    return report;
}
async function orphansOf(tx, programmeId, diff, movesMeant) {
    const displaced = diff.displaced.filter((unit) => unit.change === 'remove' || !movesMeant);
    const holdings = await unitReferences(tx, programmeId, [...new Set(displaced.flatMap((unit) => unit.ids))]);
    return displaced.flatMap((unit) => {
        const holds = {};
        for (const id of unit.ids)
            for (const [what, count] of Object.entries(holdings.get(id) ?? {}))
                holds[what] = (holds[what] ?? 0) + count;
        return Object.keys(holds).length > 0 ? [{ id: unit.id, change: unit.change, holds }] : [];
    });
}
function orphaned(orphans) {
    const named = orphans
        .slice(0, 5)
        .map((orphan) => `'${orphan.id}' (${orphan.change === 'remove' ? 'removed' : 'moved'}; ${describeHoldings(orphan.holds)})`)
        .join(', ');
    const more = orphans.length > 5 ? ` and ${orphans.length - 5} more` : '';
    return errors.conflict(`${orphans.length} units holding records would be removed or moved: ${named}${more}; nothing was changed (send force with a reason to apply anyway)`, { orphans });
}
function summarise(diff, orphans, dryRun) {
    const count = (kind) => diff.changes.filter((change) => change.change === kind).length;
    return { dryRun, added: count('add'), moved: count('move'), updated: count('update'), removed: count('remove'), changes: diff.changes.slice(0, LISTED), orphans };
}
async function write(tx, programmeId, diff) {
    const removed = diff.changes.filter((change) => change.change === 'remove').map((change) => change.id);
    for (let i = 0; i < removed.length; i += BATCH) {
        await tx.delete(orgUnits).where(and(eq(orgUnits.programmeId, programmeId), inArray(orgUnits.id, removed.slice(i, i + BATCH))));
    }
    for (let i = 0; i < diff.rows.length; i += BATCH) {
        await tx
            .insert(orgUnits)
            .values(diff.rows.slice(i, i + BATCH).map((unit) => row(programmeId, unit)))
            .onConflictDoUpdate({
            target: [orgUnits.programmeId, orgUnits.id],
            set: {
                name: sql `excluded.name`,
                parentId: sql `excluded.parent_id`,
                level: sql `excluded.level`,
                path: sql `excluded.path`,
                groups: sql `excluded.groups`,
                attributes: sql `excluded.attributes`,
                validFrom: sql `excluded.valid_from`,
                validTo: sql `excluded.valid_to`,
            },
        });
    }
}
function row(programmeId, unit) {
    const { parent, ...rest } = unit;
    return { programmeId, ...rest, parentId: parent };
}
function auditOf(programmeId, actor, change, reason) {
    const partial = change.change === 'move' || change.change === 'update';
    return {
        programmeId,
        userId: actor?.userId ?? null,
        action: change.change,
        entity: 'org_unit',
        entityKey: change.id,
        orgUnitId: change.id,
        oldValue: change.before && (partial ? pick(change.before, change.fields) : change.before),
        newValue: change.after && (partial ? pick(change.after, change.fields) : change.after),
        ...(reason ? { reason } : {}),
    };
}
//# sourceMappingURL=applyTree.js.map