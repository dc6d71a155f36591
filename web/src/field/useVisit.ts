import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { monthsOf, parsePeriod, type Locale } from '../../../src/engine/index.ts';
import { quarterPeriod } from '../../../src/engine/model/period.ts';
import { api } from '../api/client.ts';
import type { OrgUnit } from '../api/types.ts';
import { fieldKeys, getUnitValues, type UnitValues, type VersionDetail } from './api.ts';
import { FacilityRules } from './compute.ts';
import type { StoredValue } from './offline/outbox.ts';
import type { Package } from './rules.ts';

/**
 * Field queries run whatever the browser thinks of the network: offline, the service worker
 * answers with what it stored when the verifier last opened the page.
 */
const OFFLINE_FIRST = { networkMode: 'always' } as const;

export interface Visit {
  readonly sheet: UnitValues;
  readonly unit: OrgUnit;
  readonly version: VersionDetail;
  readonly rules: FacilityRules;
  /** Values of other periods a package sums (a quarterly package's quarter and months), by package. */
  readonly others: ReadonlyMap<string, readonly StoredValue[]>;
}

/** Everything a visit screen needs: the sheet, the facility, the rules in force, other periods summed. */
export function useVisit(programmeId: string, orgUnit: string, period: string, locale: Locale) {
  const sheet = useQuery({ queryKey: fieldKeys.values(programmeId, orgUnit, period), queryFn: () => getUnitValues(programmeId, orgUnit, period), ...OFFLINE_FIRST });
  const versionNumber = sheet.data?.programmeVersion;
  const version = useQuery({
    queryKey: fieldKeys.version(programmeId, versionNumber ?? 0),
    queryFn: () => api.get<VersionDetail>(`/api/programmes/${encodeURIComponent(programmeId)}/versions/${versionNumber}`),
    enabled: versionNumber !== undefined,
    staleTime: Infinity,
    ...OFFLINE_FIRST,
  });
  const unit = useQuery({
    queryKey: fieldKeys.orgUnit(programmeId, orgUnit),
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${encodeURIComponent(programmeId)}/org-units/${encodeURIComponent(orgUnit)}`),
    staleTime: 5 * 60_000,
    ...OFFLINE_FIRST,
  });
  const rules = useMemo(
    () => (version.data && unit.data ? new FacilityRules(version.data.definition, unit.data, locale) : undefined),
    [version.data, unit.data, locale],
  );
  const wanted = useMemo(() => otherSheets(rules, sheet.data, period), [rules, sheet.data, period]);
  const others = useQueries({
    queries: wanted.map((other) => ({
      queryKey: fieldKeys.values(programmeId, orgUnit, other.period, other.package),
      queryFn: () => getUnitValues(programmeId, orgUnit, other.period, other.package),
      ...OFFLINE_FIRST,
    })),
  });
  const error = sheet.error ?? version.error ?? unit.error ?? others.find((query) => query.error)?.error ?? null;
  const ready = sheet.data && version.data && unit.data && rules && others.every((query) => query.data);
  const visit: Visit | undefined = ready
    ? {
        sheet: sheet.data!,
        unit: unit.data!,
        version: version.data!,
        rules: rules!,
        others: groupOthers(wanted, others.map((query) => query.data!)),
      }
    : undefined;
  return { visit, error, retry: () => void Promise.all([sheet.refetch(), version.refetch(), unit.refetch()]) };
}

/** For each quarterly package, the other periods it reads: its quarter and the quarter's months, but the visit's own. */
function otherSheets(rules: FacilityRules | undefined, sheet: UnitValues | undefined, period: string): { package: string; period: string }[] {
  if (!rules || !sheet) return [];
  const parsed = parsePeriod(period);
  if (!parsed) return [];
  const quarter = quarterPeriod(parsed.firstMonth);
  return sheet.packages.flatMap((status) => {
    const pkg: Package | undefined = rules.package(status.package);
    if (pkg?.frequency !== 'quarterly') return [];
    return [quarter, ...monthsOf(quarter)].filter((other) => other.id !== period).map((other) => ({ package: pkg.code, period: other.id }));
  });
}

function groupOthers(wanted: readonly { package: string }[], sheets: readonly UnitValues[]): Map<string, StoredValue[]> {
  const grouped = new Map<string, StoredValue[]>();
  wanted.forEach((other, i) => grouped.set(other.package, [...(grouped.get(other.package) ?? []), ...sheets[i]!.values]));
  return grouped;
}
