import { applyTree } from "./applyTree.js";
import { completeRecord } from "./unitRecord.js";
/**
 * Imports a whole tree (a first load, or a file or DHIS2's tree again): what differs from the
 * stored tree is applied unit by unit (see applyTree); units left out are removed.
 */
export function importOrgUnits(tx, actor, programmeId, units, options = {}) {
    return applyTree(tx, actor, programmeId, units.map(completeRecord), options);
}
//# sourceMappingURL=importTree.js.map