/** From validation on, the data behind an invoice must not move: these statuses lock values. */
export const LOCKED_STATUSES = ['validated', 'invoiced', 'approved', 'ordered', 'paid'];
export function isLocked(status) {
    return LOCKED_STATUSES.includes(status);
}
/**
 * The steps up to the lock, each owned by one role (through its action): the clerk declares,
 * the verifier verifies, the committee validates. Each step back is taken, with a reason, by
 * the role that relied on what it reopens: the verifier returns a declaration to the clerk,
 * the committee returns a verification to the verifier or reopens a validated period.
 */
export const STEPS = {
    declare: { from: 'open', to: 'declared', action: 'data.declare', needsReason: false },
    verify: { from: 'declared', to: 'verified', action: 'data.verify', needsReason: false },
    validate: { from: 'verified', to: 'validated', action: 'data.validate', needsReason: false },
    'return-declaration': { from: 'declared', to: 'open', action: 'data.verify', needsReason: true },
    'return-verification': { from: 'verified', to: 'declared', action: 'data.validate', needsReason: true },
    unlock: { from: 'validated', to: 'verified', action: 'period.unlock', needsReason: true },
};
export const STEP_NAMES = Object.keys(STEPS);
//# sourceMappingURL=steps.js.map