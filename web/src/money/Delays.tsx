import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatDate, formatNumber, formatPeriod } from '../i18n/format.ts';
import { DelayDays } from './DelayDays.tsx';
import { LATE_AFTER_DAYS, isLate } from './delays.ts';
import { useFunders } from './funders.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import type { Delay } from './types.ts';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 500;

type Delays = Page<Delay> & { averageDays: number | null; maxDays: number | null };

/**
 * Per paid invoice, the days from the end of its period to the payment that completed it
 * (for one funder: to that funder's last payment); beyond the threshold, flagged late.
 */
export function DelaysView({ programmeId, unit, period }: { programmeId: string; unit: string; period: string }) {
  const { t, i18n } = useTranslation();
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
      {delays.data && delays.data.total === 0 && <p className="muted">{t('money.delays.none')}</p>}
      {delays.data && delays.data.total > 0 && (
        <>
          <p>
            {t('money.delays.summary', {
              count: delays.data.total,
              average: formatNumber(delays.data.averageDays ?? 0, i18n.language, 1),
              max: delays.data.maxDays ?? 0,
            })}{' '}
            {late > 0 && <span className="badge warn">{t('money.delays.lateCount', { count: late, threshold })}</span>}
          </p>
          <VirtualRows
            rows={delays.data.items}
            columns={7}
            head={
              <tr>
                <th scope="col">{t('money.col.invoice')}</th>
                <th scope="col">{t('money.col.facility')}</th>
                <th scope="col">{t('money.col.period')}</th>
                <th scope="col" className="number">{t('money.col.amount')}</th>
                <th scope="col">{t('money.col.periodEnd')}</th>
                <th scope="col">{t('money.col.paidOn')}</th>
                <th scope="col" className="number">{t('money.col.delay')}</th>
              </tr>
            }
            renderRow={(delay, _index, props) => (
              <tr key={delay.invoiceId} {...props} className={isLate(delay.delayDays, threshold) ? 'late' : undefined}>
                <td>
                  <Link to={`/invoices/${delay.invoiceId}`}>{t('money.invoice.number', { id: delay.invoiceId })}</Link>
                </td>
                <td>
                  <UnitName id={delay.orgUnitId} names={names} />
                </td>
                <td>
                  {formatPeriod(delay.period, i18n.language)} <span className="muted">
                    <PaymentName code={delay.payment} />
                  </span>
                </td>
                <td className="number">
                  <Money value={delay.amount} />
                </td>
                <td>{formatDate(delay.periodEnd, i18n.language)}</td>
                <td>{formatDate(delay.paidOn, i18n.language)}</td>
                <td className="number">
                  <DelayDays days={delay.delayDays} threshold={threshold} />
                </td>
              </tr>
            )}
          />
          <Pager total={delays.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
