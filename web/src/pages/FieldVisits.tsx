import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { Versions } from '../api/types.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualList } from '../components/VirtualList.tsx';
import { fieldKeys, type VersionDetail, type VisitLines } from '../field/api.ts';
import { OutboxPanel } from '../field/offline/OutboxPanel.tsx';
import { useOutboxEntries } from '../field/offline/outboxState.ts';
import { isEntryPeriod, lastCompletedMonth, parsePeriod, shiftPeriod } from '../../../src/contract/periods.ts';
import { formatPeriod } from '../i18n/format.ts';

const PAGE = 200;
const FILTERS = { declared: 'declared', verified: 'verified', all: undefined } as const;
type Filter = keyof typeof FILTERS;

/** The verifier's visits for a period: each facility and package of their subtree, with where it stands. */
export function FieldVisits() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('data.verify').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  return <VisitsScreen programmeId={programmeId} />;
}

function VisitsScreen({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = isEntryPeriod(params.get('period') ?? undefined) ? params.get('period')! : lastCompletedMonth();
  const filter: Filter = (params.get('status') as Filter | null) ?? 'declared';
  const [draft, setDraft] = useState(period);
  const choose = (next: { period?: string; status?: Filter }) => {
    const chosen = { period, status: filter, ...next };
    setDraft(chosen.period);
    setParams({ period: chosen.period, status: chosen.status });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isEntryPeriod(draft)) choose({ period: draft });
  };

  return (
    <section className="field">
      <h1>{t('field.visitsTitle')}</h1>
      <form className="inline-form" onSubmit={submit}>
        <button type="button" className="secondary small" aria-label={t('field.previousPeriod')} onClick={() => choose({ period: shiftPeriod(period, -1) })}>
          ←
        </button>
        <label className="inline">
          {t('field.period')}
          <input className="period" value={draft} aria-invalid={!isEntryPeriod(draft) || undefined} aria-describedby="period-help" onChange={(e) => setDraft(e.target.value.trim())} />
        </label>
        <button type="button" className="secondary small" aria-label={t('field.nextPeriod')} onClick={() => choose({ period: shiftPeriod(period, 1) })}>
          →
        </button>
        <button type="submit" className="small" disabled={!isEntryPeriod(draft)}>
          {t('field.show')}
        </button>
        <label className="inline">
          {t('field.statusFilter')}
          <select value={filter} onChange={(e) => choose({ status: e.target.value as Filter })}>
            {(Object.keys(FILTERS) as Filter[]).map((key) => (
              <option key={key} value={key}>
                {t(`field.filter.${key}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p id="period-help" className="muted small-text">
        {t('field.periodHelp', { period: formatPeriod(period, i18n.language) })}
      </p>
      <OutboxPanel />
      <VisitList programmeId={programmeId} period={period} status={FILTERS[filter]} />
    </section>
  );
}

function VisitList({ programmeId, period, status }: { programmeId: string; period: string; status: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const names = usePackageNames(programmeId, period);
  const waitingBy = new Map<string, number>();
  for (const entry of useOutboxEntries(me?.userId)) {
    if (entry.programmeId === programmeId) waitingBy.set(entry.write.orgUnit, (waitingBy.get(entry.write.orgUnit) ?? 0) + 1);
  }
  const lines = useInfiniteQuery({
    queryKey: [...fieldKeys.visits(programmeId), period, status ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.get<VisitLines>(`/api/programmes/${encodeURIComponent(programmeId)}/workflow${query({ period, status, limit: PAGE, offset: pageParam })}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
    networkMode: 'always',
  });
  const items = lines.data?.pages.flatMap((page) => page.items) ?? [];
  const total = lines.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = lines;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (lines.isPending) return <Loading />;
  if (lines.error) return <ErrorMessage error={lines.error} onRetry={() => lines.refetch()} />;
  return (
    <>
      <h2>{t('field.visitCount', { count: total, period: formatPeriod(period, i18n.language) })}</h2>
      {items.length === 0 ? (
        <p>{t('field.noVisit')}</p>
      ) : (
        <VirtualList
          items={items}
          label={t('field.visitsTitle')}
          estimate={56}
          keyOf={(line) => `${line.orgUnit}/${line.package}`}
          onEnd={more}
          render={(line) => (
            <div className="visit-row">
              <div className="visit-name">
                <Link to={`/field/${encodeURIComponent(line.orgUnit)}/${line.period}`}>{line.orgUnitName}</Link>
                <span className="muted code"> {line.orgUnit}</span>
              </div>
              <span className="visit-package">{names.get(line.package) ?? line.package}</span>
              <span className={`badge status-${line.status}`}>{t(`field.status.${line.status}`)}</span>
              {(waitingBy.get(line.orgUnit) ?? 0) > 0 && <span className="badge warn">{t('field.waitingHere', { count: waitingBy.get(line.orgUnit) })}</span>}
            </div>
          )}
        />
      )}
      {isFetchingNextPage && <Loading />}
    </>
  );
}

/**
 * Package names of the version in force for the period, picked as the server picks it (the
 * latest version starting no later; src/domain/programmes.ts versionFor). Codes until loaded.
 */
function usePackageNames(programmeId: string, period: string): Map<string, string> {
  const path = `/api/programmes/${encodeURIComponent(programmeId)}/versions`;
  const versions = useQuery({
    queryKey: ['field-versions', programmeId],
    queryFn: () => api.get<Versions>(`${path}${query({ limit: 1000 })}`),
    networkMode: 'always',
    staleTime: 5 * 60_000,
  });
  const inForce = versions.data?.items
    .filter((version) => firstMonth(version.effectiveFrom) <= firstMonth(period))
    .reduce<number | undefined>((latest, version) => Math.max(latest ?? 0, version.version), undefined);
  const detail = useQuery({
    queryKey: fieldKeys.version(programmeId, inForce ?? 0),
    queryFn: () => api.get<VersionDetail>(`${path}/${inForce}`),
    enabled: inForce !== undefined,
    networkMode: 'always',
    staleTime: Infinity,
  });
  const packages = (detail.data?.definition as { packages?: { code: string; name?: string }[] } | undefined)?.packages ?? [];
  return new Map(packages.map((pkg) => [pkg.code, pkg.name ?? pkg.code]));
}

function firstMonth(period: string): number {
  return parsePeriod(period)?.firstMonth ?? Number.POSITIVE_INFINITY;
}
