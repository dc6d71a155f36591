import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { DateInput } from '../components/DateInput.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import { sumAmounts } from './amounts.ts';
import { DelayDays } from './DelayDays.tsx';
import { Money } from './Money.tsx';
import { isoToday } from './today.ts';
import type { Arrears } from './records.ts';

/** Rows are per funder and period: a few funders over a few years fit in one page. */
const LIMIT = 1000;

/** What each funder ordered and had not paid by a date, per ended period, with days overdue. */
export function ArrearsView({ programmeId, unit }: { programmeId: string; unit: string }) {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState(isoToday());
  const arrears = useQuery({
    queryKey: ['payments', programmeId, 'arrears', unit, asOf],
    queryFn: () => api.get<Arrears>(`/api/programmes/${programmeId}/arrears${query({ orgUnitId: unit, asOf: asOf || undefined, limit: LIMIT })}`),
  });
  const rows = arrears.data?.items ?? [];
  const funders = [...new Set(rows.map((row) => row.funderId))].map((funderId) => {
    const own = rows.filter((row) => row.funderId === funderId);
    return {
      funderId,
      name: own[0]!.funderName ?? funderId,
      outstanding: sumAmounts(own.map((row) => row.outstanding)),
      periods: own.length,
      oldest: Math.max(...own.map((row) => row.daysOverdue)),
    };
  });
  return (
    <section aria-labelledby="arrears-title">
      <h2 id="arrears-title">{t('money.arrears.title')}</h2>
      <label className="inline">
        {t('money.arrears.asOf')}
        <DateInput value={asOf} onChange={(day) => day && setAsOf(day)} />
      </label>
      {arrears.isPending && <Loading />}
      {arrears.error && <ErrorMessage error={arrears.error} onRetry={() => arrears.refetch()} />}
      {arrears.data && rows.length === 0 && <p className="good">{t('money.arrears.none', { date: formatDate(arrears.data.asOf, i18n.language) })}</p>}
      {rows.length > 0 && (
        <>
          <table className="list">
            <caption>{t('money.arrears.byFunder')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.col.funder')}</th>
                <th scope="col" className="number">{t('money.col.outstanding')}</th>
                <th scope="col" className="number">{t('money.arrears.periods')}</th>
                <th scope="col" className="number">{t('money.arrears.oldest')}</th>
              </tr>
            </thead>
            <tbody>
              {funders.map((funder) => (
                <tr key={funder.funderId}>
                  <th scope="row">{funder.name}</th>
                  <td className="number bad">
                    <Money value={funder.outstanding} />
                  </td>
                  <td className="number">{funder.periods}</td>
                  <td className="number">
                    <DelayDays days={funder.oldest} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="scroll-x">
            <table className="list">
              <caption>{t('money.arrears.detail')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('money.col.funder')}</th>
                  <th scope="col">{t('money.col.period')}</th>
                  <th scope="col" className="number">{t('money.col.ordered')}</th>
                  <th scope="col" className="number">{t('money.col.paid')}</th>
                  <th scope="col" className="number">{t('money.col.outstanding')}</th>
                  <th scope="col" className="number">{t('money.arrears.linesOpen')}</th>
                  <th scope="col" className="number">{t('money.arrears.daysOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.funderId}/${row.period}`}>
                    <th scope="row">{row.funderName ?? row.funderId}</th>
                    <td>{formatPeriod(row.period, i18n.language)}</td>
                    <td className="number">
                      <Money value={row.ordered} />
                    </td>
                    <td className="number">
                      <Money value={row.paid} />
                    </td>
                    <td className="number">
                      <Money value={row.outstanding} />
                    </td>
                    <td className="number">{row.linesOutstanding}</td>
                    <td className="number">
                      <DelayDays days={row.daysOverdue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
