import { ApiError } from '../api/client.ts';

/** The figures of an overpayment as the server details them (code OVERPAYMENT); amounts are decimal texts. */
export interface Overpayment {
  readonly orderId: number;
  readonly invoiceId: number;
  readonly orgUnitId: string;
  /** What was entered, what the line orders, what earlier payments (and earlier ones of the batch) paid, what is still due. */
  readonly amount: string;
  readonly ordered: string;
  readonly paidBefore: string;
  readonly due: string;
}

/** A refusal placed on a line: an overpayment's figures, to word in the reader's language, or the server's message. */
export type LineRefusal = { readonly kind: 'overpayment'; readonly overpayment: Overpayment } | { readonly kind: 'message'; readonly message: string };

/**
 * The server's refusal of a batch of payments, placed on the line it names: it refers to a
 * payment as `payments[i]` (in `details[].at` and in the message), i.e. the i-th one sent.
 */
export function refusalsByLine(error: unknown, sent: readonly { invoiceId: number }[]): ReadonlyMap<number, LineRefusal> {
  const found = new Map<number, LineRefusal>();
  if (!(error instanceof ApiError)) return found;
  const details = Array.isArray(error.details) ? (error.details as { at?: string }[]) : [];
  const places: [string, LineRefusal][] = [
    ...details.map((detail): [string, LineRefusal] => [
      detail.at ?? '',
      error.code === 'OVERPAYMENT' ? { kind: 'overpayment', overpayment: detail as unknown as Overpayment } : { kind: 'message', message: error.message },
    ]),
    [error.message, { kind: 'message', message: error.message }],
  ];
  for (const [place, refusal] of places) {
    const index = /^payments\[(\d+)\]/.exec(place)?.[1];
    const payment = index === undefined ? undefined : sent[Number(index)];
    if (payment && !found.has(payment.invoiceId)) found.set(payment.invoiceId, refusal);
  }
  return found;
}
