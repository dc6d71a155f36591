import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/Chart.tsx';
import type { ChartOption } from '../charts/echarts.ts';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { amountAxis, COLORS, unitBars, unitBarsHeight } from './chartOptions.ts';
import { Panel } from './Panel.tsx';
import { QUANTITY_STATES } from '../../../src/contract/workflow.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';


/** Quantities of the range per unit one level below the root; a bar (or its row) opens that unit. */
export function TreePanel({ filters, onOpen }: { filters: Filters; onOpen: (unitId: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = useDashboard<typeof contract.quantityByUnit>('quantity-by-unit', rangeParams(filters));
  const items = useMemo(() => result.data?.items ?? [], [result.data]);
  const open = useCallback(
    (index: number) => {
      const unit = items[index];
      if (unit && !unit.leaf) onOpen(unit.id);
    },
    [items, onOpen],
  );
  const option = useMemo<ChartOption>(
    () => ({
      ...unitBars(items.map((item) => item.name)),
      xAxis: amountAxis(locale),
      series: QUANTITY_STATES.map((state) => ({
        type: 'bar',
        barMaxWidth: 14,
        name: t(`dashboards.state.${state}`),
        color: COLORS[state],
        data: items.map((item) => item[state]),
        tooltip: { valueFormatter: (value) => formatNumber(Number(value), locale) },
      })),
    }),
    [items, locale, t],
  );
  const where = result.data?.root?.name ?? t('dashboards.allScopes');
  return (
    <Panel
      title={t('dashboards.tree.title', { unit: where })}
      result={result}
      isEmpty={(data) => data.items.length === 0}
      chart={() => <Chart option={option} label={t('dashboards.tree.label', { unit: where })} height={unitBarsHeight(items.length)} onCategoryClick={open} />}
      table={(data) => (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.unit')}</th>
              {QUANTITY_STATES.map((state) => (
                <th scope="col" className="number" key={state}>
                  {t(`dashboards.state.${state}`)}
                </th>
              ))}
              <th scope="col" className="number">
                {t('dashboards.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  {item.leaf ? (
                    item.name
                  ) : (
                    <button type="button" className="link" onClick={() => onOpen(item.id)} aria-label={t('dashboards.tree.open', { unit: item.name })}>
                      {item.name}
                    </button>
                  )}
                </th>
                {QUANTITY_STATES.map((state) => (
                  <td className="number" key={state}>
                    {formatNumber(item[state], locale)}
                  </td>
                ))}
                <td className="number">{item.verified === 0 ? '—' : formatPercent((item.declared - item.verified) / item.verified, locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      note={t('dashboards.tree.note')}
      wide
    />
  );
}
