import { useQuery } from '@tanstack/react-query';
import type { getInvoiceRun } from '../../../src/contract/api/invoiceRuns.ts';
import type { getJob, listJobs } from '../../../src/contract/api/jobs.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { JOB_UNDER_WAY } from '../../../src/contract/jobs.ts';
import { api } from '../api/client.ts';

export type Job = Answer<typeof getJob>;
export type RunSummary = Answer<typeof getInvoiceRun>;

/** How often a job under way is asked for again: its progress moves by the hundredth. */
const FOLLOW_MS = 500;

/** The job, asked for again while it is queued or running, and no more once it is done. */
export function useJob(programmeId: string, jobId: number | null) {
  return useQuery({
    queryKey: ['job', programmeId, jobId],
    queryFn: () => api.get<Job>(`/api/programmes/${programmeId}/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && !JOB_UNDER_WAY.has(query.state.data.status) ? false : FOLLOW_MS),
  });
}

/**
 * The newest invoice run under way in the user's scope, for a screen opened without a job in
 * its address (the user left during the run and came back another way).
 */
export function useRunUnderWay(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['jobs', programmeId, 'under-way'],
    queryFn: async () =>
      (await api.get<Answer<typeof listJobs>>(`/api/programmes/${programmeId}/jobs?kind=invoice-run&status=queued&status=running`)).items[0] ?? null,
    enabled,
  });
}

/** The run a job made, once it succeeded. */
export function useRunOf(programmeId: string, job: Job | undefined) {
  const runId = job?.result?.runId;
  return useQuery({
    queryKey: ['invoice-runs', programmeId, runId, 'summary'],
    queryFn: () => api.get<RunSummary>(`/api/programmes/${programmeId}/invoice-runs/${runId}?limit=1`),
    enabled: runId !== undefined,
  });
}
