/**
 * The workflow of one facility's package for one period, in order: the clerk declares, the
 * verifier verifies, the committee validates (the values lock), a run invoices, a second
 * committee member approves, the payer orders and pays. Shared by the store (the enum), the
 * domain and the web client.
 */
export const WORKFLOW_STATUSES = ['open', 'declared', 'verified', 'validated', 'invoiced', 'approved', 'ordered', 'paid'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/**
 * The data states of a quantity, one per step that writes them: the clerk's declared figure,
 * the verifier's count, the committee's validated figure. Gaps, charts and totals compare them.
 */
export const QUANTITY_STATES = ['declared', 'verified', 'validated'] as const;
export type QuantityState = (typeof QUANTITY_STATES)[number];

/** Whether `status` is `from` or a later one. */
export function reached(status: WorkflowStatus, from: WorkflowStatus): boolean {
  return WORKFLOW_STATUSES.indexOf(status) >= WORKFLOW_STATUSES.indexOf(from);
}

/**
 * The status from which values of a data state no longer change, because the next step relied
 * on them: the clerk's declared figures once declared (the verifier counted against them), the
 * verifier's once verified (the committee decided on them), the committee's once validated.
 * Only a return (or, validated, an unlock) by the role that relied on them reopens them.
 */
export function frozenFrom(state: string): WorkflowStatus {
  if (state === 'declared') return 'declared';
  if (state === 'validated') return 'validated';
  return 'verified';
}

/** Whether values of `state` are frozen at `status`. */
export function isFrozen(state: string, status: WorkflowStatus): boolean {
  return reached(status, frozenFrom(state));
}
