import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatMoney, formatPercent } from '../i18n/format.ts';
import { amountAxis, baseOption, COLORS, monthAxis } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { useCurrency, useDashboard, type Filters } from './useDashboard.ts';
import { periodParts } from '../../../src/contract/periods.ts';

/** The year of the range's last month: running totals ordered and paid against the budget, and the forecast. */
export function BudgetPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const currency = useCurrency();
  const year = periodParts(filters.to)!.year;
  const result = useDashboard<typeof contract.budgetBurnOfYear>('budget-burn', { root: filters.root, year });
  const option = useMemo<ChartOption>(() => {
    const months = result.data?.months ?? [];
    const money = (value: unknown) => (typeof value === 'number' ? formatMoney(value, currency, locale) : '—');
    const line = (name: string, color: string, data: (number | null)[], dashed = false) => ({
      type: 'line' as const,
      name,
      color,
      data,
      lineStyle: { type: dashed ? ('dashed' as const) : ('solid' as const) },
      tooltip: { valueFormatter: money },
    });
    const budget = result.data?.budget ?? 0;
    return {
      ...baseOption(),
      xAxis: monthAxis(months.map((month) => month.month), locale),
      yAxis: { ...amountAxis(locale), max: (extent: { max: number }) => Math.max(extent.max, budget) },
      series: [
        {
          ...line(t('dashboards.budget.ordered'), COLORS.ordered, months.map((month) => month.cumulativeOrdered)),
          markLine: budget > 0 ? { symbol: 'none', lineStyle: { color: COLORS.budget }, label: { formatter: t('dashboards.budget.budget'), position: 'insideEndTop' }, data: [{ yAxis: budget }] } : undefined,
        },
        line(t('dashboards.budget.paid'), COLORS.paid, months.map((month) => month.cumulativePaid)),
        line(t('dashboards.budget.forecast'), COLORS.forecast, months.map((month) => month.forecastCumulative), true),
      ],
    };
  }, [result.data, currency, locale, t]);
  const money = (value: number | null) => (value === null ? '—' : formatMoney(value, currency, locale));
  return (
    <Panel
      title={t('dashboards.budget.title', { year })}
      result={result}
      isEmpty={(data) => data.budget === 0 && data.ordered === 0}
      chart={(data) => (
        <Chart option={option} label={t('dashboards.budget.label', { year, budget: money(data.budget), ordered: money(data.ordered), forecast: money(data.forecast) })} />
      )}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.funder')}</th>
              <th scope="col" className="number">{t('dashboards.budget.budget')}</th>
              <th scope="col" className="number">{t('dashboards.budget.ordered')}</th>
              <th scope="col" className="number">{t('dashboards.budget.paid')}</th>
              <th scope="col" className="number">{t('dashboards.budget.forecast')}</th>
              <th scope="col" className="number">{t('dashboards.budget.burn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.funders.map((funder) => (
              <tr key={funder.funderId ?? ''}>
                <th scope="row">{funder.funderName ?? funder.funderId ?? t('dashboards.budget.unassigned')}</th>
                <td className="number">{money(funder.budget)}</td>
                <td className="number">{money(funder.ordered)}</td>
                <td className="number">{money(funder.paid)}</td>
                <td className="number">{money(funder.forecast)}</td>
                <td className="number">{funder.budget === 0 ? '—' : formatPercent(funder.ordered / funder.budget, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.budget.note')}
    />
  );
}
