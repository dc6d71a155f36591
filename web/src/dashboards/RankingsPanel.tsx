import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatCompact, formatMoney, formatNumber, formatPercent } from '../i18n/format.ts';
import { baseOption, COLORS } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import { RANKINGS, type Ranking } from '../../../src/contract/rankings.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useCurrency, useDashboard, type Filters } from './useDashboard.ts';

const TOP = 10;

/** The ten facilities first (or last) by amount paid, quality score or discrepancy. */
export function RankingsPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const currency = useCurrency();
  const [by, setBy] = useState<Ranking>('paid');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const result = useDashboard<typeof contract.rankings>('rankings', { ...rangeParams(filters), by, order, limit: TOP });
  const format = useMemo(
    () => (value: number) =>
      by === 'paid' ? formatMoney(value, currency, locale) : by === 'discrepancy' ? formatPercent(value, locale, 1) : formatNumber(value, locale),
    [by, currency, locale],
  );
  const items = useMemo(() => result.data?.items ?? [], [result.data]);
  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(),
      legend: { show: false },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      // Long names ("Hôpital de district de …") wrap on two lines rather than lose their distinguishing end.
      yAxis: { type: 'category', inverse: true, data: items.map((item) => item.name), axisLabel: { width: 150, overflow: 'break', lineHeight: 13 } },
      // Amounts in full in the tooltip and the table; on the axis, short enough not to overlap.
      xAxis: { type: 'value', axisLabel: { formatter: by === 'paid' ? (value: number) => formatCompact(value, locale) : format } },
      series: [{ type: 'bar', name: t(`dashboards.rankings.${by}`), color: by === 'discrepancy' ? COLORS.forecast : COLORS.validated, data: items.map((item) => item.value), tooltip: { valueFormatter: (value) => format(Number(value)) } }],
    }),
    [items, format, by, locale, t],
  );
  return (
    <Panel
      title={t('dashboards.rankings.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      controls={
        <div className="panel-controls">
          <label className="inline">
            {t('dashboards.rankings.by')}
            <select value={by} onChange={(event) => setBy(event.target.value as Ranking)}>
              {RANKINGS.map((ranking) => (
                <option key={ranking} value={ranking}>
                  {t(`dashboards.rankings.${ranking}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            {t('dashboards.rankings.order')}
            <select value={order} onChange={(event) => setOrder(event.target.value as 'desc' | 'asc')}>
              <option value="desc">{t('dashboards.rankings.highest')}</option>
              <option value="asc">{t('dashboards.rankings.lowest')}</option>
            </select>
          </label>
        </div>
      }
      chart={() => <Chart option={option} label={t('dashboards.rankings.label', { by: t(`dashboards.rankings.${by}`) })} height={Math.max(160, 36 * items.length + 24)} />}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col" className="number">{t('dashboards.rankings.rank')}</th>
              <th scope="col">{t('dashboards.facility')}</th>
              <th scope="col" className="number">{t(`dashboards.rankings.${by}`)}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.orgUnitId}>
                <td className="number">{item.rank}</td>
                <th scope="row">
                  {item.name}
                  {item.parentName && <div className="muted">{item.parentName}</div>}
                </th>
                <td className="number">{format(item.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={rankingNote(t, items.length, result.data?.total ?? 0)}
    />
  );
}

/** "10 of 57 facilities", "All 3 facilities", or nothing counted when none is ranked; then what the discrepancy is. */
function rankingNote(t: TFunction, shown: number, total: number): string {
  const counted = total === 0 ? [] : [shown < total ? t('dashboards.rankings.some', { shown, count: total }) : t('dashboards.rankings.all', { count: total })];
  return [...counted, t('dashboards.rankings.note')].join(' ');
}
