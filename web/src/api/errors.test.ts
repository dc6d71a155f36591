import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { currentValueOf, detailsOf, problemsOf, stateOf } from './errors.ts';

const overpaid = [{ at: 'payments[1].amount', orderId: 3, invoiceId: 7, orgUnitId: 'fac-1', funderId: 'state', amount: '120.00', ordered: '100.00', paidBefore: '0.00', due: '100.00' }];

describe('detailsOf', () => {
  it("gives an error's details when its code is the one asked for", () => {
    const error = new ApiError(400, 'OVERPAYMENT', 'payments[1].amount: would overpay', overpaid);
    expect(detailsOf(error, 'OVERPAYMENT')).toEqual(overpaid);
    expect(detailsOf(error, 'OVERPAYMENT')?.[0]?.due).toBe('100.00');
  });

  it('gives undefined for another code, no details, or what is not an API error', () => {
    expect(detailsOf(new ApiError(400, 'VALIDATION', 'bad', [{ at: 'x' }]), 'OVERPAYMENT')).toBeUndefined();
    expect(detailsOf(new ApiError(429, 'ACCOUNT_LOCKED', 'locked', null), 'ACCOUNT_LOCKED')).toBeUndefined();
    expect(detailsOf(new ApiError(429, 'ACCOUNT_LOCKED', 'locked'), 'ACCOUNT_LOCKED')).toBeUndefined();
    expect(detailsOf(new Error('network'), 'ACCOUNT_LOCKED')).toBeUndefined();
    expect(detailsOf({ code: 'ACCOUNT_LOCKED', details: { retryAt: 'x' } }, 'ACCOUNT_LOCKED')).toBeUndefined();
  });

  it("reads a value write's conflict and a record's state", () => {
    const current = { orgUnit: 'fac-1', period: '202401', activity: 'a', state: 'declared', value: 4, version: 2, updatedBy: null, updatedAt: '2024-02-01T00:00:00.000Z' };
    expect(currentValueOf(new ApiError(409, 'CONFLICT', 'changed', { current }))).toEqual(current);
    expect(currentValueOf(new ApiError(409, 'CONFLICT', 'gone', { current: null }))).toBeNull();
    expect(currentValueOf(new ApiError(409, 'CONFLICT', 'taken', [{ at: 'username' }]))).toBeNull();
    expect(currentValueOf(new ApiError(409, 'INVALID_STATE', 'no', { current }))).toBeNull();
    expect(stateOf(new ApiError(409, 'INVALID_STATE', 'is verified', { status: 'verified' }))).toBe('verified');
    expect(stateOf(new ApiError(409, 'INVALID_STATE', 'replaced', { replacedBy: 4 }))).toBeUndefined();
    expect(stateOf(new ApiError(409, 'CONFLICT', 'x', { status: 'verified' }))).toBeUndefined();
  });
});

describe('problemsOf', () => {
  it('reads the place, code and message of each record an error names, whatever its code, and nothing else', () => {
    const error = new ApiError(409, 'INVALID_STATE', 'invoiceIds[1]: already approved', [
      { at: 'invoiceIds[1]', code: 'INVALID_STATE', message: 'invoiceIds[1]: already approved', extra: 1 },
      { at: 3, message: null },
      'text',
    ]);
    expect(problemsOf(error)).toEqual([{ at: 'invoiceIds[1]', code: 'INVALID_STATE', message: 'invoiceIds[1]: already approved' }, {}, {}]);
    expect(problemsOf(new ApiError(409, 'CONFLICT', 'x', { current: null }))).toEqual([]);
    expect(problemsOf(new Error('x'))).toEqual([]);
  });
});
