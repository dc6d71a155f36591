/** Approving invoices from the screens: the request, and the server's refusals placed on each invoice. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { problemsOf } from '../api/errors.ts';
import type { Approved } from './records.ts';

/** The server's refusals of a batch, per invoice id (it names each as `invoiceIds[i]`). */
export function refusalsByInvoice(error: unknown, invoiceIds: readonly number[]): ReadonlyMap<number, string> {
  const found = new Map<number, string>();
  for (const detail of problemsOf(error)) {
    const index = /^invoiceIds\[(\d+)\]$/.exec(detail.at ?? '')?.[1];
    const id = index === undefined ? undefined : invoiceIds[Number(index)];
    if (id !== undefined && detail.message) found.set(id, detail.message);
  }
  return found;
}

/** Approves invoices, all or none, and refreshes every list that shows them. */
export function useApprove(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { invoiceIds: number[]; reason: string }) =>
      api.post<Approved>(`/api/programmes/${programmeId}/invoices/approve`, {
        invoiceIds: request.invoiceIds,
        ...(request.reason.trim() ? { reason: request.reason.trim() } : {}),
      }, { idempotent: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['invoices'] }),
  });
}
