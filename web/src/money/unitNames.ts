import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import type { OrgUnitPage } from '../api/types.ts';

/** Ids per request: long enough lists, short enough an address (ids can be 30 characters). */
const BATCH = 200;

/**
 * The names of the org units a list shows, fetched once per set of ids (lists of invoices,
 * orders and payments carry ids only). Units out of the user's scope are left out.
 */
export function useUnitNames(programmeId: string, ids: readonly string[]): ReadonlyMap<string, string> {
  const unique = [...new Set(ids)].sort();
  const names = useQuery({
    queryKey: ['unit-names', programmeId, unique.join(',')],
    queryFn: async () => {
      const found = new Map<string, string>();
      for (let start = 0; start < unique.length; start += BATCH) {
        const ids = unique.slice(start, start + BATCH);
        const page = await api.get<OrgUnitPage>(`/api/programmes/${programmeId}/org-units${query({ ids: ids.join(','), limit: BATCH })}`);
        for (const unit of page.items) found.set(unit.id, unit.name);
      }
      return found;
    },
    enabled: unique.length > 0,
    staleTime: 10 * 60_000,
  });
  return names.data ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, string> = new Map();
