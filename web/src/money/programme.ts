import { useQuery } from '@tanstack/react-query';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { Page, Programme, Role } from '../api/types.ts';

/** The selected programme (its currency), from the list the layout already loads. */
export function useProgramme(): Programme | undefined {
  const { programmeId } = useSession();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programme[]>('/api/programmes') });
  return programmes.data?.find((programme) => programme.id === programmeId);
}

/** The root of the first subtree the user holds a role on: where that role's screens start. */
export function useRoleRoot(...roles: Role[]): string | undefined {
  const { me, programmeId } = useSession();
  const grants = me?.grants.filter((grant) => grant.programmeId === programmeId) ?? [];
  return (grants.find((grant) => roles.includes(grant.role)) ?? grants[0])?.orgUnitId;
}

interface VersionSummary {
  readonly version: number;
  readonly effectiveFrom: string;
}

/** The programme's rule versions with their effective periods, oldest first. */
export function useVersions(programmeId: string) {
  return useQuery({
    queryKey: ['programme-versions-summary', programmeId],
    queryFn: () => api.get<Page<VersionSummary>>(`/api/programmes/${programmeId}/versions${query({ limit: 1000 })}`),
    staleTime: 5 * 60_000,
  });
}

/** The payment codes of the latest rules: what a funder share may be limited to. */
export function usePaymentCodes(programmeId: string) {
  const versions = useVersions(programmeId);
  const latest = versions.data?.items.at(-1)?.version;
  return useQuery({
    queryKey: ['programme-payments', programmeId, latest],
    queryFn: async () => {
      const detail = await api.get<{ definition: { payments?: { code: string }[] } }>(`/api/programmes/${programmeId}/versions/${latest}`);
      return (detail.definition.payments ?? []).map((payment) => payment.code);
    },
    enabled: latest !== undefined,
    staleTime: 5 * 60_000,
  });
}
