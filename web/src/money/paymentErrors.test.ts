import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { refusalsByLine } from './paymentErrors.ts';

describe('payment refusals', () => {
  const sent = [{ invoiceId: 7 }, { invoiceId: 9 }];

  it('places an overpayment on the line it names, with its figures for the reader’s language', () => {
    const message = 'payments[1].amount: 50000 would overpay the line of invoice 9 in payment order 2 (ordered 38333.00, paid before 0.00, due 38333.00)';
    const detail = { at: 'payments[1].amount', orderId: 2, invoiceId: 9, orgUnitId: 'cds_1', amount: '50000', ordered: '38333.00', paidBefore: '0.00', due: '38333.00' };
    const error = new ApiError(400, 'OVERPAYMENT', message, [detail]);
    expect([...refusalsByLine(error, sent)]).toEqual([[9, { kind: 'overpayment', overpayment: detail }]]);
  });

  it('reads the place from the message when the details do not give it', () => {
    const error = new ApiError(404, 'NOT_FOUND', 'payments[0]: a line for invoice 7 in payment order 3 not found');
    expect([...refusalsByLine(error, sent)]).toEqual([[7, { kind: 'message', message: 'payments[0]: a line for invoice 7 in payment order 3 not found' }]]);
    expect(refusalsByLine(new ApiError(0, 'NETWORK', 'down'), sent).size).toBe(0);
  });
});
