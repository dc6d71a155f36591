import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatDate, formatNumber, formatPeriod } from '../i18n/format.ts';
import { DelayDays } from './DelayDays.tsx';
import { LATE_AFTER_DAYS, isLate } from './delays.ts';
import { funderName, useFunders } from './funders.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import type { Delays } from './records.ts';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 500;

/**
 * Per funder's part of each ordered invoice, counted when that part is paid, whatever the
 * other funders did: the days from the end of the period (the facility's wait, flagged late
 * beyond the threshold) and from the payment order (the funder's own delay). A part not fully
 * paid yet is a running delay, counted to today.
 */
export function DelaysView({ programmeId, unit, period }: { programmeId: string; unit: string; period: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const funders = useFunders(programmeId);
  const [funderId, setFunderId] = useState('');
  const [threshold, setThreshold] = useState(LATE_AFTER_DAYS);
  const [offset, setOffset] = useState(0);
  const delays = useQuery({
    queryKey: ['payments', programmeId, 'delays', unit, period, funderId, offset],
    queryFn: () => api.get<Delays>(`/api/programmes/${programmeId}/payment-delays${query({ orgUnitId: unit, period, funderId, limit: LIMIT, offset })}`),
  });
  const names = useUnitNames(programmeId, delays.data?.items.map((delay) => delay.orgUnitId) ?? []);
  const late = delays.data?.items.filter((delay) => isLate(delay.delayDays, threshold)).length ?? 0;
  const data = delays.data;
  return (
    <section aria-labelledby="delays-title">
      <h2 id="delays-title">{t('money.delays.title')}</h2>
      <div className="inline-form">
        <label className="inline">
          {t('money.col.funder')}
          <select
            value={funderId}
            onChange={(e) => {
              setOffset(0);
              setFunderId(e.target.value);
            }}
          >
            <option value="">{t('money.delays.allFunders')}</option>
            {funders.data?.map((funder) => (
              <option key={funder.id} value={funder.id}>
                {funder.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('money.delays.threshold')}
          <input type="number" min={0} className="days-input" value={threshold} onChange={(e) => setThreshold(Math.max(0, Number(e.target.value) || 0))} />
        </label>
      </div>
      {delays.isPending && <Loading />}
      {delays.error && <ErrorMessage error={delays.error} onRetry={() => delays.refetch()} />}
      {data && data.total === 0 && <p className="muted">{t('money.delays.none')}</p>}
      {data && data.total > 0 && (
        <>
          <p>
            {data.paidParts === 0
              ? t('money.delays.nonePaid')
              : t('money.delays.summary', {
                  count: data.paidParts,
                  average: formatNumber(data.averageDays ?? 0, locale, 1),
                  max: data.maxDays ?? 0,
                  fromOrder: formatNumber(data.averageOrderDays ?? 0, locale, 1),
                })}{' '}
            {late > 0 && <span className="badge warn">{t('money.delays.lateCount', { count: late, threshold })}</span>}
          </p>
          {data.running > 0 && <p className="warn">{t('money.delays.running', { count: data.running, days: data.maxRunningDays ?? 0 })}</p>}
          <VirtualRows
            rows={data.items}
            columns={7}
            className="list delays-list"
            head={
              <tr>
                <th scope="col">{t('money.col.facility')}</th>
                <th scope="col">{t('money.col.period')}</th>
                <th scope="col">{t('money.col.funder')}</th>
                <th scope="col" className="number">{t('money.delays.part')}</th>
                <th scope="col">{t('money.col.paidOn')}</th>
                <th scope="col" className="number">{t('money.delays.sincePeriod')}</th>
                <th scope="col" className="number">{t('money.delays.sinceOrder')}</th>
              </tr>
            }
            renderRow={(delay, _index, props) => (
              <tr key={`${delay.invoiceId}/${delay.funderId}`} {...props} className={isLate(delay.delayDays, threshold) ? 'late' : undefined}>
                <td>
                  <UnitName id={delay.orgUnitId} names={names} />
                  <div className="small-text">
                    <Link to={`/invoices/${delay.invoiceId}`}>{t('money.invoice.number', { id: delay.invoiceId })}</Link>
                  </div>
                </td>
                <td>
                  {formatPeriod(delay.period, locale)} <span className="muted">
                    <PaymentName code={delay.payment} />
                  </span>
                </td>
                <td>
                  {funderName(funders.data, delay.funderId)}
                  <div className="muted small-text">{t('money.delays.orderedOn', { date: formatDate(delay.orderedOn, locale) })}</div>
                </td>
                <td className="number">
                  <Money value={delay.amount} />
                </td>
                <td>
                  {delay.paidOn ? formatDate(delay.paidOn, locale) : <span className="badge warn">{t('money.delays.runningBadge')}</span>}
                  {!delay.paidOn && Number(delay.paid) > 0 && (
                    <div className="muted small-text">
                      {t('money.delays.paidSoFar')} <Money value={delay.paid} />
                    </div>
                  )}
                </td>
                <td className="number">
                  <DelayDays days={delay.delayDays} threshold={threshold} />
                </td>
                <td className="number">{formatNumber(delay.orderDays, locale, 0)}</td>
              </tr>
            )}
          />
          <Pager total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
