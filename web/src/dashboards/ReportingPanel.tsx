import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { baseOption, COLORS, monthAxis } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';

const DEADLINES = [5, 10, 15, 30] as const;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Per month: the share of facilities that declared (completeness), and that did so on time. */
export function ReportingPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [withinDays, setWithin] = useState<number>(10);
  const result = useDashboard<typeof contract.reportingByMonth>('reporting', { ...rangeParams(filters), withinDays });
  const option = useMemo<ChartOption>(() => {
    const items = result.data?.items ?? [];
    const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, locale, 1) : '—');
    return {
      ...baseOption(),
      xAxis: monthAxis(items.map((item) => item.month), locale),
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => formatPercent(value, locale) } },
      series: [
        { type: 'line', name: t('dashboards.reporting.completeness'), color: COLORS.validated, data: items.map((item) => share(item.declared, item.expected)), tooltip: { valueFormatter: percent } },
        { type: 'line', name: t('dashboards.reporting.timeliness'), color: COLORS.verified, data: items.map((item) => share(item.onTime, item.expected)), tooltip: { valueFormatter: percent } },
      ],
    };
  }, [result.data, locale, t]);
  const percent = (part: number, whole: number) => {
    const value = share(part, whole);
    return value === null ? '—' : formatPercent(value, locale, 1);
  };
  return (
    <Panel
      title={t('dashboards.reporting.title')}
      result={result}
      isEmpty={(data) => data.expected === 0}
      controls={
        <label className="inline">
          {t('dashboards.reporting.deadline')}
          <select value={withinDays} onChange={(event) => setWithin(Number(event.target.value))}>
            {DEADLINES.map((days) => (
              <option key={days} value={days}>
                {t('dashboards.days', { days })}
              </option>
            ))}
          </select>
        </label>
      }
      chart={(data) => (
        <Chart
          option={option}
          label={t('dashboards.reporting.label', { completeness: percent(data.declared, data.expected), timeliness: percent(data.onTime, data.expected) })}
        />
      )}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.month')}</th>
              <th scope="col" className="number">{t('dashboards.reporting.expected')}</th>
              <th scope="col" className="number">{t('dashboards.reporting.declared')}</th>
              <th scope="col" className="number">{t('dashboards.reporting.onTime')}</th>
              <th scope="col" className="number">{t('dashboards.reporting.completeness')}</th>
              <th scope="col" className="number">{t('dashboards.reporting.timeliness')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.month}>
                <th scope="row">{formatPeriod(item.month, locale)}</th>
                <td className="number">{formatNumber(item.expected, locale)}</td>
                <td className="number">{formatNumber(item.declared, locale)}</td>
                <td className="number">{formatNumber(item.onTime, locale)}</td>
                <td className="number">{percent(item.declared, item.expected)}</td>
                <td className="number">{percent(item.onTime, item.expected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.reporting.note', { days: withinDays })}
    />
  );
}
