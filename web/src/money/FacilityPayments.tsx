import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatDate, formatNumber, formatPeriod } from '../i18n/format.ts';
import { sumAmounts } from './amounts.ts';
import { DelayDays } from './DelayDays.tsx';
import { LATE_AFTER_DAYS, isLate } from './delays.ts';
import { Money, PaymentName } from './Money.tsx';
import type { Delay, Delays, Invoice, Invoices, Payment, Payments } from './records.ts';

/** A facility's history is short (a few payments a month): one page of each list covers years. */
const LIMIT = 1000;

interface Row {
  readonly invoice: Invoice;
  readonly paid: string;
  readonly lastPaidOn: string | null;
  readonly delayDays: number | null;
}

/**
 * The invoices of one org unit with what was paid on each, when, and how late: for the
 * facility page and the invoice page. Reads only; every role sees its own subtrees.
 */
export function FacilityPayments({ orgUnitId }: { orgUnitId: string }) {
  const { t, i18n } = useTranslation();
  const { programmeId } = useSession();
  const base = `/api/programmes/${programmeId}`;
  const history = useQuery({
    queryKey: ['invoices', programmeId, 'facility', orgUnitId],
    queryFn: async () => {
      const [invoices, payments, delays] = await Promise.all([
        api.get<Invoices>(`${base}/invoices${query({ orgUnitId, limit: LIMIT })}`),
        api.get<Payments>(`${base}/payments${query({ orgUnitId, limit: LIMIT })}`),
        api.get<Delays>(`${base}/payment-delays${query({ orgUnitId, limit: LIMIT })}`),
      ]);
      const rows = joinHistory(orgUnitId, invoices.items, payments.items, delays.items);
      const days = rows.flatMap((row) => (row.delayDays === null ? [] : [row.delayDays]));
      return { rows, averageDays: days.length === 0 ? null : days.reduce((sum, day) => sum + day, 0) / days.length, maxDays: days.length === 0 ? null : Math.max(...days) };
    },
    enabled: !!programmeId,
  });
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorMessage error={history.error} onRetry={() => history.refetch()} />;
  const { rows, averageDays, maxDays } = history.data;
  if (rows.length === 0) return <p className="muted">{t('money.facility.none')}</p>;
  const late = rows.filter((row) => row.delayDays !== null && isLate(row.delayDays)).length;
  return (
    <div className="facility-payments money">
      <p>
        {averageDays === null
          ? t('money.facility.noPayment')
          : t('money.facility.delays', { average: formatNumber(averageDays, i18n.language, 1), max: maxDays, late, threshold: LATE_AFTER_DAYS })}
      </p>
      <VirtualRows
        rows={rows}
        columns={8}
        head={
          <tr>
            <th scope="col">{t('money.col.invoice')}</th>
            <th scope="col">{t('money.col.period')}</th>
            <th scope="col">{t('money.col.payment')}</th>
            <th scope="col" className="number">{t('money.col.amount')}</th>
            <th scope="col">{t('money.col.status')}</th>
            <th scope="col" className="number">{t('money.col.paid')}</th>
            <th scope="col">{t('money.col.paidOn')}</th>
            <th scope="col" className="number">{t('money.col.delay')}</th>
          </tr>
        }
        renderRow={(row, _index, props) => (
          <tr key={row.invoice.id} {...props} className={row.delayDays !== null && isLate(row.delayDays) ? 'late' : undefined}>
            <td>
              <Link to={`/invoices/${row.invoice.id}`}>{t('money.invoice.number', { id: row.invoice.id })}</Link>
            </td>
            <td>{formatPeriod(row.invoice.period, i18n.language)}</td>
            <td>
              <PaymentName code={row.invoice.payment} />
            </td>
            <td className="number">
              <Money value={row.invoice.amount} />
            </td>
            <td>
              <span className={`badge status-${row.invoice.status}`}>{t(`money.status.${row.invoice.status}`)}</span>
            </td>
            <td className="number">
              <Money value={row.paid} />
            </td>
            <td>{row.lastPaidOn ? formatDate(row.lastPaidOn, i18n.language) : '—'}</td>
            <td className="number">
              <DelayDays days={row.delayDays} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function joinHistory(orgUnitId: string, invoices: readonly Invoice[], payments: readonly Payment[], delays: readonly Delay[]): Row[] {
  const paidBy = new Map<number, Payment[]>();
  for (const payment of payments) paidBy.set(payment.invoiceId, [...(paidBy.get(payment.invoiceId) ?? []), payment]);
  // The facility is paid when every funder's part is: its delay is the last part's.
  const delayOf = new Map<number, number>();
  for (const delay of delays) if (delay.paidOn !== null) delayOf.set(delay.invoiceId, Math.max(delayOf.get(delay.invoiceId) ?? 0, delay.delayDays));
  return invoices
    .filter((invoice) => invoice.orgUnitId === orgUnitId)
    .map((invoice) => {
      const paid = paidBy.get(invoice.id) ?? [];
      return {
        invoice,
        paid: sumAmounts(paid.map((payment) => payment.amount)),
        lastPaidOn: paid.reduce<string | null>((last, payment) => (last === null || payment.paidOn > last ? payment.paidOn : last), null),
        delayDays: invoice.status === 'paid' ? (delayOf.get(invoice.id) ?? null) : null,
      };
    })
    .reverse();
}
