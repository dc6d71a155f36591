import { errors } from "../errors.js";
import { applyTree } from "./applyTree.js";
import { completeRecord } from "./unitRecord.js";
/** Adds one unit under an existing parent (or as the root of an empty tree). */
export async function addUnit(tx, actor, programmeId, input) {
    return applyTree(tx, actor, programmeId, (stored) => {
        if (stored.some((unit) => unit.id === input.id))
            throw errors.conflict(`id: org unit '${input.id}' already exists`, [{ at: 'id' }]);
        if ((input.parent ?? null) === null && stored.length > 0) {
            throw errors.validation(`parent: the tree has its root already; say under which unit '${input.id}' goes`, [{ at: 'parent' }]);
        }
        return [...stored, completeRecord(input)];
    });
}
/**
 * Renames, moves (with everything under it), regroups, or opens and closes one unit. A move
 * asked for is meant, so it is not refused for the records the unit holds; the root stays.
 */
export async function editUnit(tx, actor, programmeId, id, edit, reason) {
    return applyTree(tx, actor, programmeId, (stored) => {
        const unit = stored.find((candidate) => candidate.id === id);
        if (!unit)
            throw errors.notFound(`org unit '${id}'`);
        if (edit.parent !== undefined && unit.parent === null)
            throw errors.validation(`parent: '${id}' is the root of the tree and stays it`, [{ at: 'parent' }]);
        if (edit.parent === null)
            throw errors.validation(`parent: the tree has one root; '${id}' needs a parent`, [{ at: 'parent' }]);
        return stored.map((candidate) => (candidate.id === id ? { ...recordOf(candidate), ...edit } : candidate));
    }, { movesMeant: true, reason });
}
function recordOf(unit) {
    const { level: _level, path: _path, ...record } = unit;
    return record;
}
//# sourceMappingURL=editUnit.js.map