import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Answer, RouteContract } from '../../../src/contract/http.ts';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { Programmes } from '../api/types.ts';

/** What every dashboard shows: a subtree (the user's whole scope when absent) and a range of months. */
export interface Filters {
  readonly root?: string | undefined;
  readonly from: string;
  readonly to: string;
}

type Params = Record<string, string | number | undefined>;

/** The part of a dashboard route's address after `dashboards/`, read off its contract. */
type DashboardPath<Route extends RouteContract> = Route['url'] extends `/programmes/:programmeId/dashboards/${infer Path}` ? Path : never;

/**
 * One dashboard figure from /api/programmes/:id/dashboards/:path, typed by its route of
 * src/contract/api/dashboards.ts. The previous answer stays on screen while a new range or
 * subtree loads, so charts change in place rather than blink.
 */
export function useDashboard<Route extends RouteContract>(path: DashboardPath<Route>, params: Params) {
  const { programmeId } = useSession();
  return useQuery({
    queryKey: ['dashboard', programmeId, path, params],
    queryFn: () => api.get<Answer<Route>>(`/api/programmes/${programmeId}/dashboards/${path}${query(params)}`),
    enabled: !!programmeId,
    placeholderData: keepPreviousData,
  });
}

export const rangeParams = (filters: Filters): Params => ({ root: filters.root, from: filters.from, to: filters.to });

/** The selected programme's currency, for amounts (the list is the one the header reads). */
export function useCurrency(): string {
  const { programmeId } = useSession();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programmes>('/api/programmes') });
  return programmes.data?.find((programme) => programme.id === programmeId)?.currency ?? 'BIF';
}
