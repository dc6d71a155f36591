import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatCompact, formatNumber } from '../i18n/format.ts';
import { baseOption, COLORS } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import type { Answer } from '../../../src/contract/http.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';
import { VirtualTable, type Column } from './VirtualTable.tsx';

type FacilityPoint = Answer<typeof contract.qualityVsQuantity>['items'][number];

/** One point per facility: its validated quantities against its average quality score. */
export function ScatterPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = useDashboard<typeof contract.qualityVsQuantity>('quality-vs-quantity', rangeParams(filters));
  const items = useMemo(() => result.data?.items ?? [], [result.data]);
  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(),
      legend: { show: false },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params) => {
          const item = items[(params as { dataIndex: number }).dataIndex]!;
          const where = item.parentName ? ` (${item.parentName})` : '';
          return `${escape(item.name)}${escape(where)}<br>${t('dashboards.scatter.validated')}: ${formatNumber(item.validated, locale)}<br>${t('dashboards.scatter.quality')}: ${formatNumber(item.quality, locale)}`;
        },
      },
      xAxis: { type: 'value', name: t('dashboards.scatter.validated'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (value: number) => formatCompact(value, locale) } },
      yAxis: { type: 'value', name: t('dashboards.scatter.quality'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: (value: number) => formatNumber(value, locale) } },
      grid: { left: 8, right: 24, top: 32, bottom: 32, containLabel: true },
      series: [{ type: 'scatter', color: COLORS.quality, symbolSize: 8, large: items.length > 2000, data: items.map((item) => [item.validated, item.quality]) }],
    }),
    [items, locale, t],
  );
  const columns: Column<FacilityPoint>[] = [
    { header: t('dashboards.facility'), cell: (row) => (row.parentName ? `${row.name} — ${row.parentName}` : row.name) },
    { header: t('dashboards.scatter.validated'), cell: (row) => formatNumber(row.validated, locale), numeric: true },
    { header: t('dashboards.scatter.quality'), cell: (row) => formatNumber(row.quality, locale), numeric: true },
  ];
  return (
    <Panel
      title={t('dashboards.scatter.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      chart={() => <Chart option={option} label={t('dashboards.scatter.label', { facilities: items.length })} />}
      table={(data) => <VirtualTable rows={data.items} columns={columns} label={t('dashboards.scatter.title')} rowKey={(row) => row.orgUnitId} />}
      note={t('dashboards.scatter.note')}
    />
  );
}

/** Names go into the tooltip's HTML: escape them. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
