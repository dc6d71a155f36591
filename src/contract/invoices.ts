/**
 * The vocabulary of invoices and payment orders, shared by the store (its enums), the domain,
 * the contract's schemas and the web client. Zod-free, so the web bundle can import it.
 */

/**
 * An invoice is prepared by a run, approved by a second committee member, ordered and paid;
 * a prepared one the approver turns down is rejected and no longer current.
 */
export const INVOICE_STATUSES = ['prepared', 'approved', 'ordered', 'paid', 'rejected'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The statuses from which a correction, not the workflow, changes an invoice's figures. */
export const CORRECTABLE_STATUSES = ['approved', 'ordered', 'paid'] as const;

/** A line of earlier periods an invoice carries: a correction's difference, or a remainder. */
export const ADJUSTMENT_KINDS = ['correction', 'carried'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * Why the actor may not approve an invoice, for the screens to say: no role on its unit, they
 * prepared it (four eyes), a later run replaced it, or it is no longer prepared.
 */
export const APPROVAL_REFUSALS = ['notAllowed', 'preparedByYou', 'replaced', 'notPrepared'] as const;
export type ApprovalRefusal = (typeof APPROVAL_REFUSALS)[number];

/** Why the actor may not cancel a payment order: no payer role on its subtree, cancelled already, or money was paid on it. */
export const CANCEL_REFUSALS = ['notAllowed', 'cancelled', 'paid'] as const;
export type CancelRefusal = (typeof CANCEL_REFUSALS)[number];
