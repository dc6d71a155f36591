import { errors } from "./errors.js";
import { allows, allowsAnywhere } from "./scope.js";
/**
 * Whether `actor` may manage `user` (see, deactivate, reset, give or take roles): every grant
 * of the user lies in a subtree where the actor holds 'users.manage' in that programme, so a
 * province admin never touches a national user. A user with no grant yet (just created) is
 * any admin's; a platform administrator, only another's.
 */
export function mayManageUser(actor, user) {
    if (actor.platformAdmin)
        return true;
    if (user.platformAdmin)
        return false;
    if (user.grants.length === 0)
        return allowsAnywhere(actor, 'users.manage');
    return user.grants.every((grant) => allows(actor, grant.programmeId, 'users.manage', grant.path));
}
/** Throws 403 unless `actor` may manage `user`, and never for their own account: another admin must. */
export function checkManages(actor, user, what) {
    if (user.id === actor.userId)
        throw errors.forbidden(`you cannot ${what} your own account: another administrator must`);
    if (!mayManageUser(actor, user)) {
        throw errors.forbidden(`user '${user.username}' holds roles outside the subtrees where you may manage users; you cannot ${what} them`);
    }
}
//# sourceMappingURL=userPolicy.js.map