import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { approvalBlock, refusalsByInvoice } from './approval.ts';
import type { Invoice } from './types.ts';

const invoice: Invoice = {
  id: 12,
  runId: 3,
  orgUnitId: 'cds_1',
  period: '202401',
  payment: 'monthly',
  amount: '115000.00',
  status: 'prepared',
  programmeVersion: 1,
  preparedBy: 5,
  approvedBy: null,
  approvedAt: null,
  supersededBy: null,
  rejectedBy: null,
  rejectedAt: null,
  rejectionReason: null,
  carriedForward: '0.00',
  createdAt: '2024-02-10T08:00:00Z',
};

describe('approval in the browser', () => {
  it('does not offer approval to the member who prepared the invoice, nor of replaced or approved ones', () => {
    expect(approvalBlock(invoice, 5)).toBe('preparedByYou');
    expect(approvalBlock(invoice, 6)).toBeNull();
    expect(approvalBlock({ ...invoice, supersededBy: 4 }, 6)).toBe('replaced');
    expect(approvalBlock({ ...invoice, status: 'approved' }, 6)).toBe('notPrepared');
  });

  it('places each refusal of a batch on its invoice', () => {
    const error = new ApiError(403, 'FORBIDDEN', 'invoiceIds[1]: invoice 12 was prepared by you', [
      { at: 'invoiceIds[1]', code: 'FORBIDDEN', message: 'invoiceIds[1]: invoice 12 was prepared by you' },
      { at: 'elsewhere', message: 'ignored' },
    ]);
    expect([...refusalsByInvoice(error, [11, 12])]).toEqual([[12, 'invoiceIds[1]: invoice 12 was prepared by you']]);
    expect(refusalsByInvoice(new Error('x'), [11]).size).toBe(0);
  });
});
