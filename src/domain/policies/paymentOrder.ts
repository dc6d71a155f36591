import type { CancelRefusal } from '../../contract/invoices.ts';
import type { Actor } from '../actor.ts';
import { allows } from '../scope.ts';

/** What the policy reads of a payment order: its subtree's path, whether it was cancelled, how many payments it holds. */
export interface OrderFacts {
  readonly programmeId: string;
  readonly path: string;
  readonly cancelled: boolean;
  readonly payments: number;
}


export interface OrderPolicies {
  readonly cancel: boolean;
  /** Why not, when `cancel` is false. */
  readonly cancelRefusal: CancelRefusal | null;
  readonly recordPayment: boolean;
}

/** The payer cancels a live order nothing was paid on: what was paid stays paid. */
export function cancelRefusal(actor: Actor, order: OrderFacts): CancelRefusal | null {
  if (!allows(actor, order.programmeId, 'payment.order', order.path)) return 'notAllowed';
  if (order.cancelled) return 'cancelled';
  if (order.payments > 0) return 'paid';
  return null;
}

/** The payer records payments on the lines of a live order of their subtree. */
export function paymentRefusal(actor: Actor, order: Omit<OrderFacts, 'payments'>): Exclude<CancelRefusal, 'paid'> | null {
  if (!allows(actor, order.programmeId, 'payment.record', order.path)) return 'notAllowed';
  if (order.cancelled) return 'cancelled';
  return null;
}

export function orderPolicies(actor: Actor, order: OrderFacts): OrderPolicies {
  const refusal = cancelRefusal(actor, order);
  return { cancel: refusal === null, cancelRefusal: refusal, recordPayment: paymentRefusal(actor, order) === null };
}
