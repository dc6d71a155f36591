import { groupsMatch } from "../../engine/index.js";
import { unitFacts } from "../unitFacts.js";
/**
 * The stored units among `ids`, with their groups matched by the engine's own rule, so the
 * store and the engine agree on which facilities a package is about.
 */
export class Units {
    byId;
    constructor(byId) {
        this.byId = byId;
    }
    static async load(db, programmeId, ids) {
        return new Units(await unitFacts(db, programmeId, ids));
    }
    static of(rows) {
        return new Units(new Map(rows.map((row) => [row.id, row])));
    }
    get(id) {
        return this.byId.get(id);
    }
    /** Whether a package is about this unit: its data feed the package (a zone's targets). */
    takesPart(id, pkg) {
        const unit = this.byId.get(id);
        return unit !== undefined && groupsMatch(unit.groups, pkg.kind === 'zone' ? pkg.targets : pkg.appliesTo);
    }
}
//# sourceMappingURL=units.js.map