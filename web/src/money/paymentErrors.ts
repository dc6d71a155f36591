import { ApiError } from '../api/client.ts';

/**
 * The server's refusal of a batch of payments, placed on the line it names: it refers to a
 * payment as `payments[i]` (in `details[].at` and in the message), i.e. the i-th one sent.
 */
export function refusalsByLine(error: unknown, sent: readonly { invoiceId: number }[]): ReadonlyMap<number, string> {
  const found = new Map<number, string>();
  if (!(error instanceof ApiError)) return found;
  const places = [
    ...(Array.isArray(error.details) ? (error.details as { at?: string }[]).map((detail) => detail.at ?? '') : []),
    error.message,
  ];
  for (const place of places) {
    const index = /^payments\[(\d+)\]/.exec(place)?.[1];
    const payment = index === undefined ? undefined : sent[Number(index)];
    if (payment && !found.has(payment.invoiceId)) found.set(payment.invoiceId, error.message);
  }
  return found;
}
