import type { workflowStatus } from '../../store/schema.ts';
import type { Action } from '../permissions.ts';

export type WorkflowStatus = (typeof workflowStatus.enumValues)[number];

/** From validation on, the data behind an invoice must not move: these statuses lock values. */
export const LOCKED_STATUSES: readonly WorkflowStatus[] = ['validated', 'invoiced', 'approved', 'ordered', 'paid'];

export function isLocked(status: WorkflowStatus): boolean {
  return LOCKED_STATUSES.includes(status);
}

export interface Step {
  readonly from: WorkflowStatus;
  readonly to: WorkflowStatus;
  readonly action: Action;
  readonly needsReason: boolean;
}

/**
 * The steps up to the lock, each owned by one role (through its action): the clerk declares,
 * the verifier verifies, the committee validates and alone may reopen a validated period.
 */
export const STEPS = {
  declare: { from: 'open', to: 'declared', action: 'data.declare', needsReason: false },
  verify: { from: 'declared', to: 'verified', action: 'data.verify', needsReason: false },
  validate: { from: 'verified', to: 'validated', action: 'data.validate', needsReason: false },
  unlock: { from: 'validated', to: 'verified', action: 'period.unlock', needsReason: true },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;
export const STEP_NAMES = Object.keys(STEPS) as StepName[];
