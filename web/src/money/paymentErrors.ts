import { ApiError } from '../api/client.ts';
import { detailsOf, problemsOf, type DetailsOf } from '../api/errors.ts';

/** The figures of an overpayment as the server details them (code OVERPAYMENT, src/contract/errors.ts); amounts are decimal texts. */
export type Overpayment = DetailsOf<'OVERPAYMENT'>[number];

/** A refusal placed on a line: an overpayment's figures, to word in the reader's language, or the server's message. */
export type LineRefusal = { readonly kind: 'overpayment'; readonly overpayment: Overpayment } | { readonly kind: 'message'; readonly message: string };

/**
 * The server's refusal of a batch of payments, placed on the line it names: it refers to a
 * payment as `payments[i]` (in `details[].at` and in the message), i.e. the i-th one sent.
 */
export function refusalsByLine(error: unknown, sent: readonly { invoiceId: number }[]): ReadonlyMap<number, LineRefusal> {
  const found = new Map<number, LineRefusal>();
  if (!(error instanceof ApiError)) return found;
  const overpayments = detailsOf(error, 'OVERPAYMENT');
  const places: [string, LineRefusal][] = [
    ...(overpayments
      ? overpayments.map((overpayment): [string, LineRefusal] => [overpayment.at, { kind: 'overpayment', overpayment }])
      : problemsOf(error).map((detail): [string, LineRefusal] => [detail.at ?? '', { kind: 'message', message: error.message }])),
    [error.message, { kind: 'message', message: error.message }],
  ];
  for (const [place, refusal] of places) {
    const index = /^payments\[(\d+)\]/.exec(place)?.[1];
    const payment = index === undefined ? undefined : sent[Number(index)];
    if (payment && !found.has(payment.invoiceId)) found.set(payment.invoiceId, refusal);
  }
  return found;
}
