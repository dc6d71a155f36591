import { and, asc, eq, or } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
import { versionFor } from "../programmes.js";
import { scopePaths, unitPath } from "../scope.js";
import { checkPackageFilter, entryPeriod, ownsPeriod } from "./packages.js";
import { statusesIn, workflowKey } from "./statuses.js";
import { isLocked } from "./steps.js";
import { Units } from "./units.js";
import { underPath } from "../subtree.js";
/**
 * Where every facility of a subtree stands for a period, package by package: one line per
 * unit the package is about (open when nothing happened yet), in tree order, limited to the
 * actor's scope. The caller has checked that the actor may read the root.
 */
export async function listStatuses(db, actor, props) {
    const { programmeId } = props;
    const period = entryPeriod(props.period);
    const version = await versionFor(db, programmeId, period.id);
    checkPackageFilter(version, props.package);
    const packages = version.program.packages.filter((pkg) => (props.package === undefined || pkg.code === props.package) && ownsPeriod(pkg, period));
    const paths = props.root === undefined ? scopePaths(actor, programmeId, 'read') : [await unitPath(db, programmeId, props.root)];
    const rows = await unitsUnder(db, programmeId, paths);
    const units = Units.of(rows);
    const stored = await statusesIn(db, programmeId, period.id, paths);
    const lines = rows.flatMap((unit) => packages
        .filter((pkg) => units.takesPart(unit.id, pkg))
        .map((pkg) => line({ orgUnit: unit.id, period: period.id, package: pkg.code }, unit.name, stored)));
    const chosen = props.status === undefined ? lines : lines.filter((entry) => entry.status === props.status);
    return { items: chosen.slice(props.offset, props.offset + props.limit), total: chosen.length };
}
function unitsUnder(db, programmeId, paths) {
    if (paths.length === 0)
        return Promise.resolve([]);
    return db
        .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, groups: orgUnits.groups })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(...paths.map((path) => underPath(orgUnits.path, path)))))
        .orderBy(asc(orgUnits.path));
}
function line(key, orgUnitName, stored) {
    const found = stored.get(workflowKey(key));
    if (!found)
        return { ...key, orgUnitName, status: 'open', version: 0, locked: false, updatedBy: null, updatedAt: null };
    return { ...found, orgUnitName, locked: isLocked(found.status) };
}
//# sourceMappingURL=listStatuses.js.map