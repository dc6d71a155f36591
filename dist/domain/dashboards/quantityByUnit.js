import { queryRows } from "../../store/sql.js";
import { noTotals, quantitySums } from "./quantityOverTime.js";
/**
 * Declared, verified and validated quantities of the range per unit one level below the root:
 * summed per facility in SQL, then added up to the child each facility lies under.
 */
export async function quantityByUnit(db, filter, scope) {
    const rows = await queryRows(db, quantitySums(filter, 'org_unit_id'));
    const leaves = new Set(scope.leaves.map((unit) => unit.id));
    const totals = new Map(scope.children.map((child) => [child.id, noTotals()]));
    for (const row of rows) {
        const child = scope.childOf(row.key);
        if (child !== undefined)
            totals.get(child)[row.state] += row.total;
    }
    return {
        root: scope.root && { id: scope.root.id, name: scope.root.name },
        trail: [...scope.trail],
        items: scope.children.map((child) => ({ id: child.id, name: child.name, leaf: leaves.has(child.id), ...totals.get(child.id) })),
    };
}
//# sourceMappingURL=quantityByUnit.js.map