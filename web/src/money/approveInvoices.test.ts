import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { refusalsByInvoice } from './approveInvoices.ts';

describe('approval in the browser', () => {
  it('places each refusal of a batch on its invoice', () => {
    const error = new ApiError(403, 'FORBIDDEN', 'invoiceIds[1]: invoice 12 was prepared by you', [
      { at: 'invoiceIds[1]', code: 'FORBIDDEN', message: 'invoiceIds[1]: invoice 12 was prepared by you' },
      { at: 'elsewhere', message: 'ignored' },
    ]);
    expect([...refusalsByInvoice(error, [11, 12])]).toEqual([[12, 'invoiceIds[1]: invoice 12 was prepared by you']]);
    expect(refusalsByInvoice(new Error('x'), [11]).size).toBe(0);
  });
});
