import { useQuery } from '@tanstack/react-query';
import type { dashboardPeriods } from '../../../src/contract/api/dashboards.ts';
import type { Answer } from '../../../src/contract/http.ts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Loading } from '../components/Status.tsx';
import { BudgetPanel } from '../dashboards/BudgetPanel.tsx';
import { DelaysPanel } from '../dashboards/DelaysPanel.tsx';
import { FiltersBar } from '../dashboards/FiltersBar.tsx';
import { shiftPeriod, thisMonth } from '../../../src/contract/periods.ts';
import { PaymentsPanel } from '../dashboards/PaymentsPanel.tsx';
import { QualityPanel } from '../dashboards/QualityPanel.tsx';
import { QuantityPanel } from '../dashboards/QuantityPanel.tsx';
import { RankingsPanel } from '../dashboards/RankingsPanel.tsx';
import { ReportingPanel } from '../dashboards/ReportingPanel.tsx';
import { ScatterPanel } from '../dashboards/ScatterPanel.tsx';
import { TreePanel } from '../dashboards/TreePanel.tsx';
import type { Filters } from '../dashboards/useDashboard.ts';

/** Quantity, quality, payments and reporting of a subtree over a range of months, for every role. */
export function Dashboards() {
  const { t } = useTranslation();
  const { programmeId } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  return <DashboardScreen key={programmeId} programmeId={programmeId} />;
}

/** The last twelve months holding data (or fewer, if data began later) open first; the filters live in the address, to share a view. */
function DashboardScreen({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const extent = useQuery({
    queryKey: ['dashboard-periods', programmeId],
    queryFn: () => api.get<Answer<typeof dashboardPeriods>>(`/api/programmes/${programmeId}/dashboards/periods`),
  });
  const change = useCallback(
    (next: Filters) => setParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined)) as Record<string, string>),
    [setParams],
  );
  const open = useCallback((root: string) => setParams((current) => ({ ...Object.fromEntries(current), root })), [setParams]);
  if (!params.get('to') && extent.isPending) return <Loading />;
  const to = params.get('to') ?? extent.data?.last ?? thisMonth();
  const yearBefore = shiftPeriod(to, -11);
  const first = extent.data?.first;
  const from = params.get('from') ?? (first && first > yearBefore && first <= to ? first : yearBefore);
  const filters: Filters = { root: params.get('root') ?? undefined, from, to };
  return (
    <section className="dashboards">
      <div className="page-head">
        <h1>{t('dashboards.title')}</h1>
        <Link to={`/public/${encodeURIComponent(programmeId)}`}>{t('nav.public')}</Link>
      </div>
      <FiltersBar filters={filters} onChange={change} />
      <div className="panels">
        <TreePanel filters={filters} onOpen={open} />
        <QuantityPanel filters={filters} />
        <ReportingPanel filters={filters} />
        <QualityPanel filters={filters} />
        <ScatterPanel filters={filters} />
        <RankingsPanel filters={filters} />
        <PaymentsPanel filters={filters} />
        <DelaysPanel filters={filters} />
        <BudgetPanel filters={filters} />
      </div>
    </section>
  );
}
