import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { OrgUnit } from '../api/types.ts';
import { FacilityRules, type Entry } from '../field/compute.ts';
import { useProgramme } from '../money/programme.ts';
import { committeeFigures, type CommitteeFigures } from './committeeFigures.ts';

/** An org unit with its groups and attributes, which the programme's decision tables and formulas read. */
export function useOrgUnit(programmeId: string, orgUnit: string) {
  return useQuery({
    queryKey: ['org-unit', programmeId, orgUnit],
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${programmeId}/org-units/${orgUnit}`),
    staleTime: 5 * 60_000,
  });
}

/** The committee's figures of one facility's package, recomputed as the values on screen change; undefined until all is read. */
export function useCommitteeFigures(
  definition: unknown,
  unit: OrgUnit | undefined,
  code: string,
  period: string,
  entries: readonly Entry[] | undefined,
): CommitteeFigures | undefined {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const decimals = useProgramme()?.currencyDecimals;
  const rules = useMemo(() => (definition && unit ? new FacilityRules(definition, unit, locale) : undefined), [definition, unit, locale]);
  return useMemo(
    () => (rules && entries && decimals !== undefined ? committeeFigures(rules, code, period, entries, decimals, locale) : undefined),
    [rules, entries, decimals, code, period, locale],
  );
}
