import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { baseOption, COLORS } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';

const LIMITS = [30, 60, 90] as const;

/** Per funder: median days from the end of the period to payment, and the share paid late. */
export function DelaysPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [lateAfterDays, setLate] = useState<number>(60);
  const result = useDashboard<typeof contract.paymentDelays>('payment-delays', { ...rangeParams(filters), lateAfterDays });
  const items = useMemo(() => result.data?.items ?? [], [result.data]);
  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(),
      xAxis: { type: 'category', data: items.map((item) => item.funderName ?? item.funderId), axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', name: t('dashboards.delays.days'), axisLabel: { formatter: (value: number) => formatNumber(value, locale, 0) } },
        { type: 'value', max: 1, min: 0, splitLine: { show: false }, axisLabel: { formatter: (value: number) => formatPercent(value, locale) } },
      ],
      series: [
        { type: 'bar', name: t('dashboards.delays.median'), color: COLORS.ordered, data: items.map((item) => item.medianDays), tooltip: { valueFormatter: (value) => days(value, locale) } },
        { type: 'bar', name: t('dashboards.delays.average'), color: COLORS.quality, data: items.map((item) => item.averageDays), tooltip: { valueFormatter: (value) => days(value, locale) } },
        {
          type: 'line',
          yAxisIndex: 1,
          name: t('dashboards.delays.lateShare', { days: lateAfterDays }),
          color: COLORS.budget,
          data: items.map((item) => item.lateShare),
          tooltip: { valueFormatter: (value) => (typeof value === 'number' ? formatPercent(value, locale) : '—') },
        },
      ],
    }),
    [items, lateAfterDays, locale, t],
  );
  return (
    <Panel
      title={t('dashboards.delays.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      controls={
        <label className="inline">
          {t('dashboards.delays.lateAfter')}
          <select value={lateAfterDays} onChange={(event) => setLate(Number(event.target.value))}>
            {LIMITS.map((limit) => (
              <option key={limit} value={limit}>
                {t('dashboards.days', { days: limit })}
              </option>
            ))}
          </select>
        </label>
      }
      chart={() => <Chart option={option} label={t('dashboards.delays.label', { days: lateAfterDays })} />}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.funder')}</th>
              <th scope="col" className="number">{t('dashboards.delays.lines')}</th>
              <th scope="col" className="number">{t('dashboards.delays.paidLines')}</th>
              <th scope="col" className="number">{t('dashboards.delays.median')}</th>
              <th scope="col" className="number">{t('dashboards.delays.average')}</th>
              <th scope="col" className="number">{t('dashboards.delays.lateShare', { days: lateAfterDays })}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.funderId}>
                <th scope="row">{item.funderName ?? item.funderId}</th>
                <td className="number">{formatNumber(item.lines, locale)}</td>
                <td className="number">{formatNumber(item.paidLines, locale)}</td>
                <td className="number">{days(item.medianDays, locale)}</td>
                <td className="number">{days(item.averageDays, locale)}</td>
                <td className="number">{item.lateShare === null ? '—' : formatPercent(item.lateShare, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.delays.note', { days: lateAfterDays })}
    />
  );
}

function days(value: unknown, locale: string): string {
  return typeof value === 'number' ? formatNumber(value, locale, 1) : '—';
}
