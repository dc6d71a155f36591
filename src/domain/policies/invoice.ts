import { CORRECTABLE_STATUSES, type ApprovalRefusal, type InvoiceStatus } from '../../contract/invoices.ts';
import type { WorkflowStatus } from '../../contract/workflow.ts';
import type { Actor } from '../actor.ts';
import { allows } from '../scope.ts';

/** What the policy reads of an invoice: its unit's path, its status, who prepared it, whether it was replaced. */
export interface InvoiceFacts {
  readonly programmeId: string;
  readonly path: string;
  readonly status: InvoiceStatus;
  readonly preparedBy: number | null;
  readonly supersededBy: number | null;
}

/** What the actor may do with one invoice; the screens show exactly these actions. */
export interface InvoicePolicies {
  readonly approve: boolean;
  /** Why not, when `approve` is false. */
  readonly approveRefusal: ApprovalRefusal | null;
  readonly reject: boolean;
  readonly correct: boolean;
}

/**
 * Why the actor may not approve the invoice, or null when they may: the committee's role on
 * its unit, never the member who prepared it (approval is the second pair of eyes), only the
 * current invoice, only while prepared.
 */
export function approvalRefusal(actor: Actor, invoice: InvoiceFacts): ApprovalRefusal | null {
  if (!allows(actor, invoice.programmeId, 'invoice.approve', invoice.path)) return 'notAllowed';
  if (invoice.preparedBy === actor.userId) return 'preparedByYou';
  if (invoice.supersededBy !== null) return 'replaced';
  if (invoice.status !== 'prepared') return 'notPrepared';
  return null;
}

/** Rejecting is the approver's other answer: the same role, on the current prepared invoice (the preparer may reject their own run). */
export function rejectionRefusal(actor: Actor, invoice: InvoiceFacts): Exclude<ApprovalRefusal, 'preparedByYou'> | null {
  if (!allows(actor, invoice.programmeId, 'invoice.approve', invoice.path)) return 'notAllowed';
  if (invoice.supersededBy !== null) return 'replaced';
  if (invoice.status !== 'prepared') return 'notPrepared';
  return null;
}

/**
 * Whether the actor may record a correction of figures at `path` whose package period (or
 * invoice) is `status`: the committee, once the invoice is approved — before, the workflow
 * goes back instead.
 */
export function mayCorrect(actor: Actor, programmeId: string, path: string, status: InvoiceStatus | WorkflowStatus): boolean {
  return allows(actor, programmeId, 'period.correct', path) && isCorrectable(status);
}

export function isCorrectable(status: string): boolean {
  return (CORRECTABLE_STATUSES as readonly string[]).includes(status);
}

export function invoicePolicies(actor: Actor, invoice: InvoiceFacts): InvoicePolicies {
  const refusal = approvalRefusal(actor, invoice);
  return {
    approve: refusal === null,
    approveRefusal: refusal,
    reject: rejectionRefusal(actor, invoice) === null,
    correct: invoice.supersededBy === null && mayCorrect(actor, invoice.programmeId, invoice.path, invoice.status),
  };
}
