import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { packageStatus } from '../../../src/contract/api/common.ts';
import type { readSheet } from '../../../src/contract/api/dataValues.ts';
import type { Answer, Query } from '../../../src/contract/http.ts';
import type { Wire } from '../../../src/contract/wire.ts';
import type { WorkflowStatus } from '../../../src/contract/workflow.ts';
import type { InputType } from '../../../src/engine/model/inputTypes.ts';
import { api, query } from '../api/client.ts';
import type { Versions, VersionWith } from '../api/types.ts';
import { fieldKeys } from '../field/api.ts';
import type { listWorkflow } from '../../../src/contract/api/workflow.ts';
import { inForce } from '../../../src/contract/periods.ts';

/** Shapes of the data-value routes, read off the contract (src/contract/api/dataValues.ts); the workflow's from src/contract/api/workflow.ts. */
export type { WorkflowStatus };

export type Sheet = Answer<typeof readSheet>;
export type StoredValue = Sheet['values'][number];
/** A package as a data-entry sheet shows it: with the inputs whose values no longer change at its status. */
export type SheetStatus = Sheet['packages'][number];
/** A facility's package in the period its workflow is tracked in (the quarter, for a quarterly package). */
export type PackageStatus = Wire<z.output<typeof packageStatus>>;

/** A facility's package on a status list, with what the user may do with it. */
export type StatusLines = Answer<typeof listWorkflow>;
export type StatusLine = StatusLines['items'][number];
export type StepPolicies = StatusLine['policies'];

/** The part of a programme's rules these screens read: packages, their states and activities. */
export interface RulesActivity {
  readonly code: string;
  readonly name?: string;
}

export interface RulesPackage {
  readonly code: string;
  readonly name?: string;
  readonly frequency: string;
  readonly inputs: readonly string[];
  /** What each input's values are (a count is whole...); an input left out takes any storable number. */
  readonly inputTypes?: Readonly<Record<string, InputType>>;
  readonly activities: readonly RulesActivity[];
}

/** A version of the rules, as these screens read its definition. */
export type Rules = VersionWith<{ readonly packages: readonly RulesPackage[] }>;

export const valueKey = (activity: string, state: string) => `${activity}\u0000${state}`;

export const sheetKey = (programmeId: string, orgUnit: string, period: string, pkg?: string) =>
  ['sheet', programmeId, orgUnit, period, pkg ?? null] as const;

/** A unit's values and package statuses for a period; with a package, only what it reads. */
export function useSheet(programmeId: string, orgUnit: string, period: string, pkg?: string, enabled = true) {
  return useQuery({
    queryKey: sheetKey(programmeId, orgUnit, period, pkg),
    queryFn: () => api.get<Sheet>(`/api/programmes/${programmeId}/data-values${query({ orgUnitId: orgUnit, period, package: pkg })}`),
    enabled,
  });
}

/** A saved version never changes: read once. */
export function useRules(programmeId: string, version: number | undefined) {
  return useQuery({
    queryKey: ['programme-version', programmeId, version],
    queryFn: () => api.get<Rules>(`/api/programmes/${programmeId}/versions/${version}`),
    enabled: version !== undefined,
    staleTime: Infinity,
  });
}

/**
 * The rules in force in a period, as the server picks them: the newest version already
 * effective. `none` when the programme has no rules yet for that period (nothing to enter).
 */
export function useRulesInForce(programmeId: string, period: string) {
  const versions = useQuery({
    queryKey: ['programme-versions', programmeId, 'all'],
    queryFn: () => api.get<Versions>(`/api/programmes/${programmeId}/versions${query({ limit: 1000 })}`),
  });
  const version = versions.data?.items.filter((item) => inForce(item.effectiveFrom, period)).reduce((max, item) => Math.max(max, item.version), 0);
  const rules = useRules(programmeId, version || undefined);
  return { rules, none: version === 0, error: versions.error ?? rules.error };
}

/** The subtree, period and status a status list asks the workflow route for (paging apart). */
export type StatusQuery = Readonly<Pick<Query<typeof listWorkflow>, 'period' | 'root' | 'status'>>;

export const statusesKey = (programmeId: string, params: StatusQuery, limit: number, offset: number) =>
  ['workflow', programmeId, params.period, params.root ?? null, params.status ?? null, limit, offset] as const;

/** Where the facilities of a subtree stand in a period, package by package, a page at a time. */
export function fetchStatuses(programmeId: string, params: StatusQuery, limit: number, offset: number): Promise<StatusLines> {
  return api.get<StatusLines>(`/api/programmes/${programmeId}/workflow${query({ ...params, limit, offset })}`);
}

/**
 * What the user may do with one facility's package in a period, as the server decides it: the
 * policies of its status line (the unit is the root of its own subtree, first in tree order).
 */
export function useStepPolicies(programmeId: string, orgUnit: string, status: { readonly period: string; readonly package: string }) {
  return useQuery({
    queryKey: ['workflow', programmeId, 'policies', orgUnit, status.period, status.package],
    queryFn: async () => {
      const lines = await api.get<StatusLines>(`/api/programmes/${programmeId}/workflow${query({ period: status.period, root: orgUnit, package: status.package, limit: 1 })}`);
      return lines.items.find((line) => line.orgUnit === orgUnit)?.policies ?? null;
    },
  });
}

/** After a write or a step: every sheet of the unit and every status list are out of date. */
export function invalidateUnit(client: QueryClient, programmeId: string, orgUnit: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['sheet', programmeId, orgUnit] }),
    client.invalidateQueries({ queryKey: ['workflow', programmeId] }),
    client.invalidateQueries({ queryKey: fieldKeys.unit(programmeId, orgUnit) }),
  ]).then(() => undefined);
}

export function packageLabel(rules: Rules | undefined, code: string): string {
  return rules?.definition.packages.find((pkg) => pkg.code === code)?.name ?? code;
}
