import { describe, expect, it } from 'vitest';
import { approvalRefusal, invoicePolicies, type InvoiceFacts } from './invoice.ts';
import { PATHS, actorWith } from '../../../test/support/policyActors.ts';

const prepared: InvoiceFacts = { programmeId: 'pbf', path: PATHS.cds1, status: 'prepared', preparedBy: 1, supersededBy: null };

describe('invoice policies', () => {
  it('four eyes: the committee member who prepared the invoice may reject it but never approve it', () => {
    expect(invoicePolicies(actorWith(1, 'validator', 'p1'), prepared)).toEqual({ approve: false, approveRefusal: 'preparedByYou', reject: true, correct: false });
    expect(invoicePolicies(actorWith(2, 'validator', 'p1'), prepared)).toEqual({ approve: true, approveRefusal: null, reject: true, correct: false });
  });

  it('follows the workflow state: only a current prepared invoice is approved; an approved, ordered or paid one is corrected', () => {
    const second = actorWith(2, 'validator', 'p1');
    expect(approvalRefusal(second, { ...prepared, supersededBy: 7 })).toBe('replaced');
    for (const status of ['approved', 'ordered', 'paid'] as const) {
      expect(invoicePolicies(second, { ...prepared, status })).toEqual({ approve: false, approveRefusal: 'notPrepared', reject: false, correct: true });
    }
    expect(invoicePolicies(second, { ...prepared, status: 'rejected' })).toMatchObject({ approve: false, reject: false, correct: false });
    expect(invoicePolicies(second, { ...prepared, status: 'paid', supersededBy: 7 }).correct).toBe(false);
  });

  it('needs the committee role on a subtree holding the invoice’s unit', () => {
    expect(approvalRefusal(actorWith(2, 'validator', 'p2'), prepared)).toBe('notAllowed');
    expect(approvalRefusal(actorWith(2, 'validator', 'country'), prepared)).toBeNull();
    expect(invoicePolicies(actorWith(2, 'payer', 'p1'), { ...prepared, status: 'approved' })).toEqual({ approve: false, approveRefusal: 'notAllowed', reject: false, correct: false });
  });

  it('checks the role before four eyes: a preparer outside the subtree is refused for the role', () => {
    expect(approvalRefusal(actorWith(1, 'validator', 'p2'), prepared)).toBe('notAllowed');
  });
});
