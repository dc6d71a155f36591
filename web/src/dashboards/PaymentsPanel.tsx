import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatMoney, formatPeriod } from '../i18n/format.ts';
import { amountAxis, baseOption, COLORS, monthAxis } from './chartOptions.ts';
import { monthsBetween } from '../../../src/contract/periods.ts';
import { Panel } from './Panel.tsx';
import type { Answer } from '../../../src/contract/http.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useCurrency, useDashboard, type Filters } from './useDashboard.ts';

type FunderMonth = Answer<typeof contract.paymentsOverTime>['items'][number];

/** What each funder paid per month (stacked), against what was ordered from all of them. */
export function PaymentsPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const currency = useCurrency();
  const result = useDashboard<typeof contract.paymentsOverTime>('payments', rangeParams(filters));
  const months = useMemo(() => monthsBetween(filters.from, filters.to), [filters.from, filters.to]);
  const option = useMemo<ChartOption>(() => {
    const items = result.data?.items ?? [];
    const funders = [...new Map(items.map((item) => [item.funderId, item.funderName ?? item.funderId])).entries()];
    const money = (value: unknown) => formatMoney(Number(value), currency, locale);
    const sum = (month: string, pick: (item: FunderMonth) => number, funderId?: string) =>
      items.filter((item) => item.month === month && (funderId === undefined || item.funderId === funderId)).reduce((total, item) => total + pick(item), 0);
    return {
      ...baseOption(),
      xAxis: monthAxis(months, locale),
      yAxis: amountAxis(locale),
      series: [
        ...funders.map(([funderId, name], i) => ({
          type: 'bar' as const,
          stack: 'paid',
          name: t('dashboards.payments.paidBy', { funder: name }),
          color: COLORS.funders[i % COLORS.funders.length],
          data: months.map((month) => sum(month, (item) => item.paid, funderId)),
          tooltip: { valueFormatter: money },
        })),
        {
          type: 'line' as const,
          name: t('dashboards.payments.ordered'),
          color: COLORS.ordered,
          lineStyle: { type: 'dashed' as const },
          data: months.map((month) => sum(month, (item) => item.ordered)),
          tooltip: { valueFormatter: money },
        },
      ],
    };
  }, [result.data, months, currency, locale, t]);
  return (
    <Panel
      title={t('dashboards.payments.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      chart={() => <Chart option={option} label={t('dashboards.payments.label')} />}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.month')}</th>
              <th scope="col">{t('dashboards.funder')}</th>
              <th scope="col" className="number">{t('dashboards.payments.ordered')}</th>
              <th scope="col" className="number">{t('dashboards.payments.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={`${item.month}-${item.funderId}`}>
                <th scope="row">{formatPeriod(item.month, locale)}</th>
                <td>{item.funderName ?? item.funderId}</td>
                <td className="number">{formatMoney(item.ordered, currency, locale)}</td>
                <td className="number">{formatMoney(item.paid, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.payments.note')}
    />
  );
}
