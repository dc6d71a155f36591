import { describe, expect, it } from 'vitest';
import { cancelRefusal, orderPolicies, paymentRefusal, type OrderFacts } from './paymentOrder.ts';
import { PATHS, actorWith } from '../../../test/support/policyActors.ts';

const live: OrderFacts = { programmeId: 'pbf', path: PATHS.p1, cancelled: false, payments: 0 };

describe('payment order policies', () => {
  it('lets the payer of the subtree cancel a live order nothing was paid on, and pay it', () => {
    expect(orderPolicies(actorWith(3, 'payer', 'p1'), live)).toEqual({ cancel: true, cancelRefusal: null, recordPayment: true });
    expect(orderPolicies(actorWith(3, 'payer', 'country'), live)).toEqual({ cancel: true, cancelRefusal: null, recordPayment: true });
  });

  it('keeps what was paid: an order with a payment is paid on, not cancelled', () => {
    const payer = actorWith(3, 'payer', 'p1');
    expect(cancelRefusal(payer, { ...live, payments: 1 })).toBe('paid');
    expect(orderPolicies(payer, { ...live, payments: 1 })).toEqual({ cancel: false, cancelRefusal: 'paid', recordPayment: true });
  });

  it('closes a cancelled order to both', () => {
    const payer = actorWith(3, 'payer', 'p1');
    expect(cancelRefusal(payer, { ...live, cancelled: true })).toBe('cancelled');
    expect(paymentRefusal(payer, { ...live, cancelled: true })).toBe('cancelled');
  });

  it('refuses other roles and other subtrees, before the state', () => {
    expect(cancelRefusal(actorWith(3, 'payer', 'p2'), { ...live, cancelled: true })).toBe('notAllowed');
    expect(orderPolicies(actorWith(2, 'validator', 'p1'), live)).toEqual({ cancel: false, cancelRefusal: 'notAllowed', recordPayment: false });
  });
});
