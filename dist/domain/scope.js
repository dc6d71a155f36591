import { errors } from "./errors.js";
import { unitFacts } from "./unitFacts.js";
import { reachOf, roleAllows } from "./permissions.js";
/** The materialised path of an org unit, or a 404 naming it. */
export async function unitPath(db, programmeId, orgUnitId) {
    const unit = (await unitFacts(db, programmeId, [orgUnitId])).get(orgUnitId);
    if (!unit)
        throw errors.notFound(`org unit '${orgUnitId}'`);
    return unit.path;
}
/**
 * Whether the unit at `path` lies in the grant's subtree: the grant's unit is one of the ids
 * the path is made of (ids hold no '/', see org_units_id_safe), not merely a prefix of it.
 */
export function grantCovers(grant, path) {
    return path.includes(`/${grant.orgUnitId}/`);
}
/** A grant on the root of the tree: national authority. */
export function isNational(grant) {
    return grant.path === `/${grant.orgUnitId}/`;
}
/** A platform administrator holds the admin role nationally in every programme. */
function platformAllows(actor, action) {
    return actor.platformAdmin && roleAllows('admin', action);
}
/**
 * True when the actor may do `action` in the programme: for a national action, with a role
 * held at the root; for a subtree action, with a role on a subtree holding `path` (any
 * subtree when no path is given: lists are then filtered with `scopePaths`).
 */
export function allows(actor, programmeId, action, path) {
    if (platformAllows(actor, action))
        return true;
    const national = reachOf(action) === 'national';
    return actor.grants.some((grant) => grant.programmeId === programmeId &&
        roleAllows(grant.role, action) &&
        (national ? isNational(grant) : path === undefined || grantCovers(grant, path)));
}
/** Whether the actor holds `action` at the root of the programme's tree: lists need no filter. */
export function allowsNationally(actor, programmeId, action) {
    if (platformAllows(actor, action))
        return true;
    return actor.grants.some((grant) => grant.programmeId === programmeId && roleAllows(grant.role, action) && isNational(grant));
}
/** Whether the actor may do `action` in some programme (for routes outside any one programme). */
export function allowsAnywhere(actor, action) {
    return platformAllows(actor, action) || actor.grants.some((grant) => allows(actor, grant.programmeId, action));
}
/**
 * Checks role, reach and org-unit scope on the server; throws 403 naming what was refused.
 * A national action ignores the unit: it needs the role at the root of the tree.
 */
export async function authorize(db, actor, programmeId, action, orgUnitId) {
    if (reachOf(action) === 'national') {
        if (allows(actor, programmeId, action))
            return;
        throw errors.forbidden(`'${action}' changes the whole of programme '${programmeId}': it needs your role at the root of the tree`);
    }
    const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
    if (allows(actor, programmeId, action, path))
        return;
    const where = orgUnitId === undefined ? `programme '${programmeId}'` : `org unit '${orgUnitId}'`;
    throw errors.forbidden(`your roles do not allow '${action}' on ${where}`);
}
/** Root paths of the subtrees where the actor may do `action`, for filtering lists ('/' is all of them). */
export function scopePaths(actor, programmeId, action) {
    if (platformAllows(actor, action))
        return ['/'];
    return actor.grants
        .filter((grant) => grant.programmeId === programmeId && roleAllows(grant.role, action))
        .map((grant) => grant.path);
}
/** Whether the unit at `path` lies in one of `scopes` (root paths, '/' for all). */
export function inScopes(scopes, path) {
    return scopes.some((scope) => path.startsWith(scope));
}
//# sourceMappingURL=scope.js.map