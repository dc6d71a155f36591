import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Funder, Funders } from './records.ts';

/** The programme's funders (a handful), for names and choices. */
export function useFunders(programmeId: string) {
  return useQuery({ queryKey: ['funders', programmeId], queryFn: () => api.get<Funders>(`/api/programmes/${programmeId}/funders`) });
}

export function funderName(funders: readonly Funder[] | undefined, id: string): string {
  return funders?.find((funder) => funder.id === id)?.name ?? id;
}
