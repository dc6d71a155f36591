import { describe, expect, it } from 'vitest';
import { AppError, errors } from '../domain/errors.ts';
import { errorDetails } from './errors.ts';

describe('the details of error answers', () => {
  it('types the details an error of a declared code is made with', () => {
    const made = [
      errors.validation('x: bad', [{ at: 'x' }]),
      errors.conflict('changed', { current: null }),
      errors.invalidState('verified', { status: 'verified' }),
      errors.unprocessable('INVOICE_RUN_FAILED', 'failed', { runId: 1, errorCount: 0, errors: [] }),
      new AppError(429, 'ACCOUNT_LOCKED', 'locked', { retryAt: '2026-01-01T00:00:00.000Z' }),
      // A code the contract does not declare takes any details.
      errors.unprocessable('SOMETHING_ELSE', 'x', { anything: true }),
    ];
    // TypeScript (tsc -p .) refuses details of another shape for a declared code:
    // @ts-expect-error a retryAt is a text
    made.push(new AppError(429, 'ACCOUNT_LOCKED', 'locked', { retryAt: 3 }));
    // @ts-expect-error an overpayment names its line's figures
    made.push(new AppError(400, 'OVERPAYMENT', 'x', [{ at: 'payments[0].amount' }]));
    // @ts-expect-error a failed run counts its errors
    made.push(errors.unprocessable('INVOICE_RUN_FAILED', 'failed', { runId: 1, errors: [] }));
    // @ts-expect-error a reach-back names what it reprices
    made.push(new AppError(409, 'VERSION_REACHES_BACK', 'x', { periods: [] }));
    for (const error of made.slice(0, 5)) {
      const schema = errorDetails[error.code as keyof typeof errorDetails];
      expect(schema.safeParse(error.details).success, error.code).toBe(true);
    }
  });
});
