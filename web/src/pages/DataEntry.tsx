import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { reaches } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useRules, useSheet, valueKey } from '../entry/api.ts';
import { FacilitySearch } from '../entry/FacilitySearch.tsx';
import { PackageEntry } from '../entry/PackageEntry.tsx';
import { PackageStep } from '../entry/PackageStep.tsx';
import { PeriodSelect } from '../entry/PeriodSelect.tsx';
import { isMonth, lastCompletedMonth, periodsBack } from '../../../src/contract/periods.ts';
import { formatPeriod } from '../i18n/format.ts';

/** Two years back: late declarations happen, older ones are reached by a link. */
const MONTHS_OFFERED = 24;

/** The clerk's data entry: a facility and a month, then each package's declared quantities. */
export function DataEntry() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('data.declare').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <DataEntryScreen key={programmeId} programmeId={programmeId} />;
}

function DataEntryScreen({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  const requested = params.get('period');
  const period = isMonth(requested) ? requested : lastCompletedMonth();
  const unit = useQuery({
    queryKey: ['org-unit', programmeId, unitId],
    queryFn: () => api.get<OrgUnit>(`/api/programmes/${programmeId}/org-units/${unitId}`),
    enabled: unitId !== undefined,
  });
  const months = useMemo(() => periodsBack(lastCompletedMonth(), MONTHS_OFFERED), []);

  return (
    <section className="entry">
      <h1>
        {unit.data ? t('entry.titleFor', { name: unit.data.name, period: formatPeriod(period, i18n.language) }) : t('entry.title')}
      </h1>
      <div className="pickers">
        <FacilitySearch selected={unit.data} onSelect={(picked) => setParams({ unit: picked.id, period })} />
        <PeriodSelect
          label={t('entry.month')}
          value={period}
          groups={[{ label: t('entry.month'), periods: months }]}
          onChange={(next) => setParams(unitId ? { unit: unitId, period: next } : { period: next })}
        />
      </div>
      {unit.error && <ErrorMessage error={unit.error} onRetry={() => unit.refetch()} />}
      {!unitId && <p className="muted">{t('entry.pick')}</p>}
      {unit.data && <UnitSheet key={`${unit.data.id}/${period}`} programmeId={programmeId} unit={unit.data} period={period} />}
    </section>
  );
}

function UnitSheet({ programmeId, unit, period }: { programmeId: string; unit: OrgUnit; period: string }) {
  const { t, i18n } = useTranslation();
  const { capability } = useSession();
  const sheet = useSheet(programmeId, unit.id, period);
  const rules = useRules(programmeId, sheet.data?.programmeVersion);
  const stored = useMemo(() => new Map(sheet.data?.values.map((value) => [valueKey(value.activity, value.state), value])), [sheet.data]);
  const writable = reaches(capability('data.declare'), unit.path);

  if (sheet.error) return <ErrorMessage error={sheet.error} onRetry={() => sheet.refetch()} />;
  if (rules.error) return <ErrorMessage error={rules.error} onRetry={() => rules.refetch()} />;
  if (!sheet.data || !rules.data) return <Loading />;
  if (sheet.data.packages.length === 0) {
    return <p>{t('entry.noPackage', { name: unit.name, period: formatPeriod(period, i18n.language) })}</p>;
  }
  return (
    <>
      {sheet.data.packages.map((status) => {
        const pkg = rules.data.definition.packages.find((candidate) => candidate.code === status.package);
        if (!pkg) return null;
        return pkg.inputs.includes('declared') ? (
          <PackageEntry
            key={pkg.code}
            programmeId={programmeId}
            orgUnit={unit.id}
            period={period}
            rules={pkg}
            status={status}
            stored={stored}
            writable={writable}
          />
        ) : (
          <PackageStep key={pkg.code} programmeId={programmeId} orgUnit={unit.id} rules={pkg} status={status} writable={writable} />
        );
      })}
    </>
  );
}
