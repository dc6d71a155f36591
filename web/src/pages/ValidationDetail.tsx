import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { covers } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useRules, useSheet, valueKey, type PackageStatus, type RulesPackage, type StoredValue } from '../entry/api.ts';
import { EntryGrid, type GridColumn } from '../entry/EntryGrid.tsx';
import { StatusBadge, StatusSince } from '../entry/StatusBadge.tsx';
import { useCells } from '../entry/useCells.ts';
import { formatPeriod } from '../i18n/format.ts';
import { CommitteeActions } from '../validation/CommitteeActions.tsx';
import { DiscrepancyText } from '../validation/DiscrepancyText.tsx';
import { activityDiscrepancy, discrepancy, totalsOf } from '../validation/totals.ts';

/** One facility's package for a period before the committee: figures per activity, validated values, the step. */
export function ValidationDetail() {
  const { t } = useTranslation();
  const { programmeId, hasRole } = useSession();
  const { orgUnit, period, package: pkg } = useParams();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!hasRole('validator')) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <DetailScreen key={`${programmeId}/${orgUnit}/${period}/${pkg}`} programmeId={programmeId} orgUnit={orgUnit!} period={period!} pkg={pkg!} />;
}

function DetailScreen({ programmeId, orgUnit, period, pkg }: { programmeId: string; orgUnit: string; period: string; pkg: string }) {
  const { t } = useTranslation();
  const unit = useQuery({
    queryKey: ['org-unit', programmeId, orgUnit],
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${programmeId}/org-units/${orgUnit}`),
  });
  const sheet = useSheet(programmeId, orgUnit, period, pkg);
  const rules = useRules(programmeId, sheet.data?.programmeVersion);
  const stored = useMemo(() => new Map(sheet.data?.values.map((value) => [valueKey(value.activity, value.state), value])), [sheet.data]);
  const status = sheet.data?.packages.find((candidate) => candidate.package === pkg);
  const definition = rules.data?.definition.packages.find((candidate) => candidate.code === pkg);
  const error = unit.error ?? sheet.error ?? rules.error;

  return (
    <section className="validation-detail">
      <p>
        <Link to={`/validation?period=${period}`}>{t('validation.back')}</Link>
      </p>
      {error && <ErrorMessage error={error} onRetry={() => void Promise.all([unit.refetch(), sheet.refetch(), rules.refetch()])} />}
      {!error && (!unit.data || !sheet.data || !rules.data) && <Loading />}
      {unit.data && sheet.data && rules.data && (!status || !definition) && <p>{t('validation.noPackage')}</p>}
      {unit.data && status && definition && (
        <Committee programmeId={programmeId} unit={unit.data} period={period} definition={definition} status={status} stored={stored} />
      )}
    </section>
  );
}

interface CommitteeProps {
  readonly programmeId: string;
  readonly unit: OrgUnit;
  readonly period: string;
  readonly definition: RulesPackage;
  readonly status: PackageStatus;
  readonly stored: ReadonlyMap<string, StoredValue>;
}

function Committee({ programmeId, unit, period, definition, status, stored }: CommitteeProps) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const locale = i18n.language;
  const cells = useCells({ programmeId, orgUnit: unit.id, period, sheetPackage: definition.code, pkg: definition.code, inputTypes: definition.inputTypes, locale }, stored);
  const mayAct = covers(me, programmeId, 'validator', unit.path);
  const title = `${unit.name} — ${definition.name ?? definition.code} — ${formatPeriod(period, locale)}`;
  const totals = totalsOf([...stored.values()], definition);
  const columns: GridColumn[] = definition.inputs.flatMap((state): GridColumn[] => {
    const column: GridColumn = {
      kind: 'state',
      state,
      header: i18n.exists(`state.${state}`) ? t(`state.${state}`) : state,
      editable: state === 'validated' && mayAct && !status.locked,
    };
    if (state !== 'verified' || !definition.inputs.includes('declared')) return [column];
    return [
      column,
      {
        kind: 'derived',
        key: 'discrepancy',
        header: t('validation.discrepancy'),
        cell: (activity) => <DiscrepancyText value={activityDiscrepancy(stored, activity)} />,
        total: <DiscrepancyText value={discrepancy(totals.declared, totals.verified)} />,
      },
    ];
  });

  return (
    <>
      <h1 id="committee-title">
        {unit.name} — {definition.name ?? definition.code} <StatusBadge status={status.status} />
      </h1>
      <p className="small-text">
        {formatPeriod(status.period, locale)} · <span className="code">{unit.id}</span> <StatusSince status={status} />
      </p>
      {definition.inputs.includes('validated') && !status.locked && mayAct && <p className="muted">{t('validation.enterValidated')}</p>}
      <EntryGrid labelledBy="committee-title" activities={definition.activities} columns={columns} stored={stored} cells={cells} />
      {mayAct ? (
        <CommitteeActions programmeId={programmeId} orgUnit={unit.id} title={title} status={status} unsaved={cells.drafts.size} />
      ) : (
        <p className="muted">{t('validation.outOfScope')}</p>
      )}
    </>
  );
}
