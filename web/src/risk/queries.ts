import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { ApplyResult, DrawPage, DrawRequest, Drawn, Draws, RiskClass } from './types.ts';

const drawsPath = (programmeId: string) => `/api/programmes/${programmeId}/verification-draws`;

/** Draws of a subtree and period, and those of overlapping subtrees; replaced ones too (newest first). */
export function useDrawsAround(programmeId: string, root: string, period: string) {
  return useQuery({
    queryKey: ['draws', programmeId, 'around', root, period],
    queryFn: () => api.get<Draws>(`${drawsPath(programmeId)}${query({ orgUnitId: root, period, includeReplaced: true, limit: 100 })}`),
  });
}

/** The newest current draw covering a unit: its subtree's, or one of its ancestors'. */
export function useLatestDrawOf(programmeId: string, orgUnitId: string) {
  return useQuery({
    queryKey: ['draws', programmeId, 'latest', orgUnitId],
    queryFn: async () => (await api.get<Draws>(`${drawsPath(programmeId)}${query({ orgUnitId, limit: 1 })}`)).items[0] ?? null,
  });
}

export interface EntryFilter {
  readonly riskClass?: RiskClass | undefined;
  readonly drawn?: boolean | undefined;
  readonly search?: string | undefined;
  readonly orgUnitId?: string | undefined;
}

const entriesPage = (programmeId: string, drawId: number, filter: EntryFilter, limit: number, offset: number) =>
  api.get<DrawPage>(`${drawsPath(programmeId)}/${drawId}${query({ ...filter, limit, offset })}`);

/**
 * Pages of a draw's entries fetched by index, so that a list of 20,000 facilities loads only
 * the pages scrolled to (the first always, for the total), whatever order they are reached in.
 */
export function useEntryPages(programmeId: string, drawId: number, filter: EntryFilter, pageSize: number, pages: readonly number[]) {
  return useQueries({
    queries: pages.map((index) => ({
      queryKey: ['draws', programmeId, drawId, 'entries', filter, pageSize, index],
      queryFn: () => entriesPage(programmeId, drawId, filter, pageSize, index * pageSize),
      staleTime: Infinity,
    })),
  });
}

/** One facility's entry in a draw, if the draw holds it. */
export function useEntryOf(programmeId: string, drawId: number | undefined, orgUnitId: string) {
  return useQuery({
    queryKey: ['draws', programmeId, drawId, 'entry', orgUnitId],
    queryFn: async () => (await entriesPage(programmeId, drawId!, { orgUnitId }, 2, 0)).entries.items.find((entry) => entry.orgUnitId === orgUnitId) ?? null,
    enabled: drawId !== undefined,
  });
}

/** Draws (201, created) or receives the current draw someone made meanwhile (200, not created). */
export function useCreateDraw(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DrawRequest) => api.post<Drawn>(drawsPath(programmeId), body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['draws', programmeId] }),
  });
}

export function useApplyDraw(programmeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (drawId: number) => api.post<ApplyResult>(`${drawsPath(programmeId)}/${drawId}/apply`, {}, { idempotent: true }),
    // Verified values were written: the facility pages' sheets are stale too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['draws', programmeId] }), client.invalidateQueries({ queryKey: ['facility', programmeId] })]),
  });
}
