import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthInput } from '../components/DateInput.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { fromIsoMonth, toIsoMonth } from '../../../src/contract/periods.ts';
import { activitiesOf, statusesOf, totalsByMonth, type PackageStatus } from './history.ts';
import { useMonthSheets } from './queries.ts';
import { WorkflowHistory } from './WorkflowHistory.tsx';

/** ECharts is loaded with the first chart, not with the application. */
const QuantityChart = lazy(() => import('./QuantityChart.tsx'));

interface QuantityHistoryProps {
  readonly programmeId: string;
  readonly orgUnitId: string;
  /** The months shown, oldest first; those before the first version of the rules hold nothing. */
  readonly months: readonly string[];
  readonly inForceFrom: string | undefined;
  readonly upTo: string;
  onUpTo(month: string): void;
}

/**
 * Twelve months of a unit's quantities, declared, verified and validated (all activities, or
 * one), as a chart and a table; and where its packages stand in the workflow in those months.
 */
export function QuantityHistory({ programmeId, orgUnitId, months, inForceFrom, upTo, onUpTo }: QuantityHistoryProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const [activity, setActivity] = useState('');
  const asked = months.filter((month) => inForceFrom !== undefined && month >= inForceFrom);
  const { sheets, pending, error, retry } = useMonthSheets(programmeId, orgUnitId, asked);
  const activities = useMemo(() => activitiesOf(sheets.values()), [sheets]);
  const totals = useMemo(() => totalsByMonth(months, sheets, activity || undefined), [months, sheets, activity]);
  const statuses: PackageStatus[] = useMemo(() => statusesOf(sheets.values()), [sheets]);
  const number = useMemo(() => (value: number) => formatNumber(value, locale), [locale]);
  const shown = (value: number | null) => (value === null ? '—' : number(value));
  const labels = useMemo(() => months.map((month) => formatPeriod(month, locale)), [months, locale]);
  const series = useMemo(
    () => [
      { name: t('facility.declared'), color: '#c26a00', values: totals.map((month) => month.declared) },
      { name: t('facility.verified'), color: '#0b6e4f', values: totals.map((month) => month.verified) },
    ],
    [t, totals],
  );
  const empty = !pending && totals.every((month) => month.declared === null && month.verified === null && month.validated === null);

  return (
    <>
      <section className="card" aria-labelledby="quantities-title">
        <h2 id="quantities-title">{t('facility.quantities')}</h2>
        <div className="inline-form">
          <label className="inline">
            {t('facility.upTo')}
            <MonthInput value={toIsoMonth(upTo)} onChange={(month) => { const period = fromIsoMonth(month); if (period) onUpTo(period); }} />
          </label>
          <label className="inline">
            {t('facility.activity')}
            <select value={activity} onChange={(e) => setActivity(e.target.value)}>
              <option value="">{t('facility.allActivities')}</option>
              {activities.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && <ErrorMessage error={error} onRetry={retry} />}
        {pending && <Loading />}
        {empty && <p>{t('facility.noQuantities')}</p>}
        {!pending && !empty && (
          <Suspense fallback={<Loading />}>
            <QuantityChart
              label={t('facility.chart', { from: labels[0], to: labels.at(-1) })}
              months={labels}
              series={series}
              format={number}
            />
          </Suspense>
        )}
        {!pending && (
        <div className="scroll-x">
          <table className="list quantities">
            <thead>
              <tr>
                <th scope="col">{t('facility.month')}</th>
                <th scope="col" className="number">
                  {t('facility.declared')}
                </th>
                <th scope="col" className="number">
                  {t('facility.verified')}
                </th>
                <th scope="col" className="number">
                  {t('facility.validated')}
                </th>
                <th scope="col" className="number">
                  {t('facility.gap')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((month) => (
                <tr key={month.period} data-period={month.period}>
                  <th scope="row">{formatPeriod(month.period, locale)}</th>
                  {inForceFrom === undefined || month.period < inForceFrom ? (
                    <td colSpan={4} className="muted">
                      {t('facility.noRules')}
                    </td>
                  ) : (
                    <>
                      <td className="number">{shown(month.declared)}</td>
                      <td className="number">{shown(month.verified)}</td>
                      <td className="number">{shown(month.validated)}</td>
                      <td className="number">{month.gap === null ? '—' : formatPercent(month.gap, locale)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        )}
      </section>
      <WorkflowHistory statuses={statuses} pending={pending} />
    </>
  );
}
