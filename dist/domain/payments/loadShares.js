import { and, asc, eq } from 'drizzle-orm';
import { funderShares, orgUnits } from "../../store/schema.js";
import { errors } from "../errors.js";
import { inScopes, scopePaths } from "../scope.js";
/** Every funder share of a programme with the path of its subtree. */
export async function loadShares(db, programmeId) {
    return db
        .select({
        id: funderShares.id,
        funderId: funderShares.funderId,
        orgUnitId: funderShares.orgUnitId,
        path: orgUnits.path,
        payment: funderShares.payment,
        share: funderShares.share,
        validFrom: funderShares.validFrom,
        validTo: funderShares.validTo,
    })
        .from(funderShares)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, funderShares.programmeId), eq(orgUnits.id, funderShares.orgUnitId)))
        .where(eq(funderShares.programmeId, programmeId))
        .orderBy(asc(funderShares.id));
}
/** One share, or a 404 naming it. */
export async function findShare(db, programmeId, shareId) {
    const share = (await loadShares(db, programmeId)).find((candidate) => candidate.id === shareId);
    if (!share)
        throw errors.notFound(`funder share ${shareId}`);
    return share;
}
/**
 * The shares a reader may see: those of units in their subtrees, and those of the units above
 * them, which pay into their subtrees too; never another province's.
 */
export async function readableShares(db, actor, programmeId, filter) {
    const scopes = scopePaths(actor, programmeId, 'read');
    const visible = (row) => inScopes(scopes, row.path) || scopes.some((scope) => scope.startsWith(row.path));
    return (await loadShares(db, programmeId)).filter((row) => visible(row) && (filter.funderId === undefined || row.funderId === filter.funderId) && (filter.orgUnitId === undefined || row.orgUnitId === filter.orgUnitId));
}
//# sourceMappingURL=loadShares.js.map