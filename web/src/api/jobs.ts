import { useQuery } from '@tanstack/react-query';
import type { getJob, listJobs } from '../../../src/contract/api/jobs.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { JOB_UNDER_WAY, type JobKind } from '../../../src/contract/jobs.ts';
import { api } from './client.ts';

/** A job, of any kind (GET /jobs/:jobId). */
export type Job = Answer<typeof getJob>;

/** A job of one kind: its scope and result are that kind's. */
export type JobOf<Kind extends JobKind> = Extract<Job, { kind: Kind }>;

/** How often a job under way is asked for again: its progress moves by the hundredth. */
const FOLLOW_MS = 500;

const isKind = <Kind extends JobKind>(job: Job, kind: Kind): job is JobOf<Kind> => job.kind === kind;

/**
 * The job of the kind a screen follows, asked for again while it is queued or running, and no
 * more once it is done; null when the id in the address is a job of another kind.
 */
export function useJob<Kind extends JobKind>(programmeId: string, kind: Kind, jobId: number | null) {
  return useQuery({
    queryKey: ['job', programmeId, jobId],
    queryFn: () => api.get<Job>(`/api/programmes/${programmeId}/jobs/${jobId}`),
    enabled: jobId !== null,
    select: (job): JobOf<Kind> | null => (isKind(job, kind) ? job : null),
    refetchInterval: (query) => (query.state.data && !JOB_UNDER_WAY.has(query.state.data.status) ? false : FOLLOW_MS),
  });
}

/**
 * The newest job of a kind under way in the user's scope, for a screen opened without a job
 * in its address (the user left during the job and came back another way).
 */
export function useJobUnderWay<Kind extends JobKind>(programmeId: string, kind: Kind, enabled: boolean) {
  return useQuery({
    queryKey: ['jobs', programmeId, kind, 'under-way'],
    queryFn: async (): Promise<JobOf<Kind> | null> => {
      const { items } = await api.get<Answer<typeof listJobs>>(`/api/programmes/${programmeId}/jobs?kind=${kind}&status=queued&status=running`);
      return items.find((job) => isKind(job, kind)) ?? null;
    },
    enabled,
  });
}
