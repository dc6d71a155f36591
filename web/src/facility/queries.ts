import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { OrgUnit, OrgUnitPage, Versions } from '../api/types.ts';
import type { MonthSheet } from './history.ts';

const unitsPath = (programmeId: string) => `/api/programmes/${programmeId}/org-units`;

export function useUnit(programmeId: string, orgUnitId: string, enabled = true) {
  return useQuery({
    queryKey: ['org-unit', programmeId, orgUnitId],
    queryFn: () => api.get<OrgUnit>(`${unitsPath(programmeId)}/${encodeURIComponent(orgUnitId)}`),
    enabled,
  });
}

/** How many units sit directly under this one: none makes it a facility. */
export function useChildCount(programmeId: string, orgUnitId: string) {
  return useQuery({
    queryKey: ['org-units', programmeId, orgUnitId, 'child-count'],
    queryFn: async () => (await api.get<OrgUnitPage>(`${unitsPath(programmeId)}${query({ parent: orgUnitId, limit: 1 })}`)).total,
  });
}

/** The effective periods of the rules' versions (the same request and cache as the designer's). */
export function useVersionStarts(programmeId: string) {
  return useQuery({
    queryKey: ['programme-versions', programmeId],
    queryFn: () => api.get<Versions>(`/api/programmes/${programmeId}/versions${query({ limit: 1000 })}`),
    select: (page) => page.items.map((version) => version.effectiveFrom),
  });
}

export interface MonthSheets {
  /** By month, those fetched so far. */
  readonly sheets: ReadonlyMap<string, MonthSheet>;
  readonly pending: boolean;
  readonly error: Error | null;
  retry(): void;
}

/** Defined once, so that the combined result stays the same object while no month changes. */
function combineSheets(results: UseQueryResult<MonthSheet>[]): MonthSheets {
  const sheets = new Map<string, MonthSheet>();
  for (const result of results) if (result.data) sheets.set(result.data.period, result.data);
  return {
    sheets,
    pending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
    retry: () => results.forEach((result) => result.error && void result.refetch()),
  };
}

/** One request per month (the API reads a unit's sheet per period), made in parallel. */
export function useMonthSheets(programmeId: string, orgUnitId: string, months: readonly string[]): MonthSheets {
  return useQueries({
    queries: months.map((period) => ({
      queryKey: ['facility', programmeId, orgUnitId, 'sheet', period],
      queryFn: () => api.get<MonthSheet>(`/api/programmes/${programmeId}/data-values${query({ orgUnitId, period })}`),
    })),
    combine: combineSheets,
  });
}
