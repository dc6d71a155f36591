import type { paymentOrders } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { orderPolicies, type OrderPolicies } from '../policies/paymentOrder.ts';

type OrderRow = typeof paymentOrders.$inferSelect;

/** A payment order as the API sends it: without its programme, with what the actor may do with it. */
export type PresentedOrder = Omit<OrderRow, 'programmeId'> & { readonly policies: OrderPolicies };

/** `path` is the order's subtree's; `payments`, how many were recorded on it (none lets it be cancelled). */
export function presentOrder(actor: Actor, order: OrderRow, path: string, payments: number): PresentedOrder {
  const { programmeId, ...rest } = order;
  return { ...rest, policies: orderPolicies(actor, { programmeId, path, cancelled: order.cancelledAt !== null, payments }) };
}
