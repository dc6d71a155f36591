import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { useSession } from '../api/session.tsx';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { usePackageNames } from '../money/programme.ts';
import { amountAxis, baseOption, COLORS, monthAxis } from './chartOptions.ts';
import { monthsBetween } from '../../../src/contract/periods.ts';
import { Panel } from './Panel.tsx';
import { QUANTITY_STATES } from '../../../src/contract/workflow.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';


/** Declared, verified and validated quantities per month, one quantity package at a time. */
export function QuantityPanel({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = useDashboard<typeof contract.quantityOverTime>('quantity', rangeParams(filters));
  const packages = useMemo(() => [...new Set(result.data?.items.map((item) => item.package))], [result.data]);
  const [chosen, setChosen] = useState<string>();
  const { programmeId } = useSession();
  const names = usePackageNames(programmeId ?? '');
  const pkg = chosen !== undefined && packages.includes(chosen) ? chosen : packages[0];
  const months = useMemo(() => monthsBetween(filters.from, filters.to), [filters.from, filters.to]);
  const points = useMemo(() => new Map(result.data?.items.filter((item) => item.package === pkg).map((item) => [item.period, item])), [result.data, pkg]);

  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(),
      xAxis: monthAxis(months, locale),
      yAxis: amountAxis(locale),
      series: QUANTITY_STATES.map((state) => ({
        type: 'line',
        name: t(`dashboards.state.${state}`),
        color: COLORS[state],
        data: months.map((month) => points.get(month)?.[state] ?? null),
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? formatNumber(value, locale) : '—') },
      })),
    }),
    [months, points, locale, t],
  );

  return (
    <Panel
      title={t('dashboards.quantity.title')}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      controls={
        packages.length > 1 && (
          <label className="inline">
            {t('dashboards.package')}
            <select value={pkg} onChange={(event) => setChosen(event.target.value)}>
              {packages.map((code) => (
                <option key={code} value={code}>
                  {names.get(code) ?? code}
                </option>
              ))}
            </select>
          </label>
        )
      }
      chart={() => <Chart option={option} label={t('dashboards.quantity.label', { package: (pkg && names.get(pkg)) ?? pkg })} />}
      table={() => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.month')}</th>
              {QUANTITY_STATES.map((state) => (
                <th scope="col" className="number" key={state}>
                  {t(`dashboards.state.${state}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...points.values()].map((point) => (
              <tr key={point.period}>
                <th scope="row">{formatPeriod(point.period, locale)}</th>
                {QUANTITY_STATES.map((state) => (
                  <td className="number" key={state}>
                    {formatNumber(point[state], locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.quantity.note')}
    />
  );
}
