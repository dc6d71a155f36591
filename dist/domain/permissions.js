const READERS = ['admin', 'designer', 'clerk', 'verifier', 'validator', 'payer', 'auditor'];
const DESIGNERS = ['designer', 'admin'];
/**
 * Who may do what: the founding principle of PBF is that who provides, who verifies and who
 * pays are different people, so each workflow step belongs to one role and the admin
 * manages users and programmes without taking part in the cycle. A subtree action applies
 * to the org subtree the role was given on (see scope.ts); a national one needs the role
 * at the root of the tree.
 */
export const PERMISSIONS = {
    read: { roles: READERS, reach: 'subtree' },
    'data.declare': { roles: ['clerk'], reach: 'subtree' },
    'data.verify': { roles: ['verifier'], reach: 'subtree' },
    'data.validate': { roles: ['validator'], reach: 'subtree' },
    'period.unlock': { roles: ['validator'], reach: 'subtree' },
    'invoice.prepare': { roles: ['validator'], reach: 'subtree' },
    'invoice.approve': { roles: ['validator'], reach: 'subtree' },
    'payment.order': { roles: ['payer'], reach: 'subtree' },
    'payment.record': { roles: ['payer'], reach: 'subtree' },
    'verification.draw': { roles: ['validator', 'designer'], reach: 'subtree' },
    /** Trying draft rules on units (the dry run): reads only. */
    'rules.try': { roles: DESIGNERS, reach: 'subtree' },
    /** Saving a version of the rules: it prices every facility of the programme. */
    'rules.write': { roles: DESIGNERS, reach: 'national' },
    /** Funders and their shares: who pays which part of every invoice. */
    'funders.manage': { roles: DESIGNERS, reach: 'national' },
    /** Adding, moving, renaming and closing units: the tree every scope is drawn on. */
    'orgUnits.manage': { roles: DESIGNERS, reach: 'national' },
    'audit.read': { roles: ['auditor', 'admin', 'designer'], reach: 'subtree' },
    /** Users whose grants all lie in the admin's subtrees (see userPolicy.ts). */
    'users.manage': { roles: ['admin'], reach: 'subtree' },
};
export const ACTIONS = Object.keys(PERMISSIONS);
export function roleAllows(role, action) {
    return PERMISSIONS[action].roles.includes(role);
}
export function reachOf(action) {
    return PERMISSIONS[action].reach;
}
/** The roles that may do `action`, for messages. */
export function rolesFor(action) {
    return PERMISSIONS[action].roles;
}
//# sourceMappingURL=permissions.js.map