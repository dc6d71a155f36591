import { useQuery } from '@tanstack/react-query';
import type { getInvoiceRun } from '../../../src/contract/api/invoiceRuns.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { api } from '../api/client.ts';
import type { JobOf } from '../api/jobs.ts';

export type RunJob = JobOf<'invoice-run'>;
export type RunSummary = Answer<typeof getInvoiceRun>;

/** The run a job made, once it succeeded. */
export function useRunOf(programmeId: string, job: RunJob | undefined) {
  const runId = job?.result?.runId;
  return useQuery({
    queryKey: ['invoice-runs', programmeId, runId, 'summary'],
    queryFn: () => api.get<RunSummary>(`/api/programmes/${programmeId}/invoice-runs/${runId}?limit=1`),
    enabled: runId !== undefined,
  });
}
