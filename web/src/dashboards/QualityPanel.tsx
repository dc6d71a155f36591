import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { baseOption, COLORS } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';

/** The quality scores of each quarter: the average, with the lowest and highest facility. */
export function QualityPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = useDashboard<typeof contract.qualityOverTime>('quality', rangeParams(filters));
  const items = useMemo(() => result.data?.items ?? [], [result.data]);
  const option = useMemo<ChartOption>(() => {
    const line = (key: 'average' | 'min' | 'max', name: string, dashed: boolean) => ({
      type: 'line' as const,
      name,
      color: COLORS.quality,
      lineStyle: { type: dashed ? ('dashed' as const) : ('solid' as const), width: dashed ? 1 : 3 },
      data: items.map((item) => item[key]),
      tooltip: { valueFormatter: (value: unknown) => formatNumber(Number(value), locale) },
    });
    return {
      ...baseOption(),
      xAxis: { type: 'category', data: items.map((item) => formatPeriod(item.period, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatNumber(value, locale) } },
      series: [line('average', t('dashboards.quality.average'), false), line('min', t('dashboards.quality.min'), true), line('max', t('dashboards.quality.max'), true)],
    };
  }, [items, locale, t]);
  return (
    <Panel
      title={t('dashboards.quality.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      chart={() => <Chart option={option} label={t('dashboards.quality.label')} />}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.quarter')}</th>
              <th scope="col" className="number">{t('dashboards.quality.average')}</th>
              <th scope="col" className="number">{t('dashboards.quality.min')}</th>
              <th scope="col" className="number">{t('dashboards.quality.max')}</th>
              <th scope="col" className="number">{t('dashboards.facilities')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.period}>
                <th scope="row">{formatPeriod(item.period, locale)}</th>
                <td className="number">{formatNumber(item.average, locale)}</td>
                <td className="number">{formatNumber(item.min, locale)}</td>
                <td className="number">{formatNumber(item.max, locale)}</td>
                <td className="number">{formatNumber(item.facilities, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.quality.note')}
    />
  );
}
