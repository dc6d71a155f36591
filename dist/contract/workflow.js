/**
 * The workflow of one facility's package for one period, in order: the clerk declares, the
 * verifier verifies, the committee validates (the values lock), a run invoices, a second
 * committee member approves, the payer orders and pays. Shared by the store (the enum), the
 * domain and the web client.
 */
export const WORKFLOW_STATUSES = ['open', 'declared', 'verified', 'validated', 'invoiced', 'approved', 'ordered', 'paid'];
/** Whether `status` is `from` or a later one. */
export function reached(status, from) {
    return WORKFLOW_STATUSES.indexOf(status) >= WORKFLOW_STATUSES.indexOf(from);
}
/**
 * The status from which values of a data state no longer change, because the next step relied
 * on them: the clerk's declared figures once declared (the verifier counted against them), the
 * verifier's once verified (the committee decided on them), the committee's once validated.
 * Only a return (or, validated, an unlock) by the role that relied on them reopens them.
 */
export function frozenFrom(state) {
    if (state === 'declared')
        return 'declared';
    if (state === 'validated')
        return 'validated';
    return 'verified';
}
/** Whether values of `state` are frozen at `status`. */
export function isFrozen(state, status) {
    return reached(status, frozenFrom(state));
}
//# sourceMappingURL=workflow.js.map