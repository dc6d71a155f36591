import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { Role } from '../../../src/contract/roles.ts';
import type { Programme, Programmes, Versions, VersionWith } from '../api/types.ts';

/** The selected programme (its currency), from the list the layout already loads. */
export function useProgramme(): Programme | undefined {
  const { programmeId } = useSession();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: () => api.get<Programmes>('/api/programmes') });
  return programmes.data?.find((programme) => programme.id === programmeId);
}

/** The root of the first subtree the user holds a role on: where that role's screens start. */
export function useRoleRoot(...roles: Role[]): string | undefined {
  const { me, programmeId } = useSession();
  const grants = me?.grants.filter((grant) => grant.programmeId === programmeId) ?? [];
  return (grants.find((grant) => roles.includes(grant.role)) ?? grants[0])?.orgUnitId;
}

/** The programme's rule versions with their effective periods, oldest first. */
export function useVersions(programmeId: string) {
  return useQuery({
    queryKey: ['programme-versions-summary', programmeId],
    queryFn: () => api.get<Versions>(`/api/programmes/${programmeId}/versions${query({ limit: 1000 })}`),
    staleTime: 5 * 60_000,
  });
}

export interface NamedRule {
  readonly code: string;
  readonly name?: string | undefined;
}

interface RuleNames {
  readonly packages: readonly NamedRule[];
  readonly payments: readonly NamedRule[];
}

/** The packages and payments of the latest rules, code and name: how people know them. */
function useLatestRuleNames(programmeId: string) {
  const versions = useVersions(programmeId);
  const latest = versions.data?.items.at(-1)?.version;
  return useQuery({
    queryKey: ['programme-rule-names', programmeId, latest],
    queryFn: async (): Promise<RuleNames> => {
      const detail = await api.get<VersionWith<Partial<RuleNames>>>(`/api/programmes/${programmeId}/versions/${latest}`);
      const named = (rules: readonly NamedRule[] = []) => rules.map(({ code, name }) => ({ code, name }));
      return { packages: named(detail.definition.packages), payments: named(detail.definition.payments) };
    },
    enabled: latest !== undefined && programmeId !== '',
    staleTime: 5 * 60_000,
  });
}

/** The payments of the latest rules: what a funder share may be limited to. */
export function usePayments(programmeId: string): readonly NamedRule[] | undefined {
  return useLatestRuleNames(programmeId).data?.payments;
}

const namesOf = (rules: readonly NamedRule[] | undefined) => new Map((rules ?? []).flatMap((rule) => (rule.name ? [[rule.code, rule.name] as const] : [])));

/** A payment's name by its code (a code the latest rules no longer hold keeps no name). */
export function usePaymentNames(programmeId: string): ReadonlyMap<string, string> {
  const rules = useLatestRuleNames(programmeId).data;
  return useMemo(() => namesOf(rules?.payments), [rules]);
}

/** A package's name by its code, from the latest rules. */
export function usePackageNames(programmeId: string): ReadonlyMap<string, string> {
  const rules = useLatestRuleNames(programmeId).data;
  return useMemo(() => namesOf(rules?.packages), [rules]);
}
