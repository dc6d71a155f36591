import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { sumAmounts } from './amounts.ts';
import { Money } from './Money.tsx';
import type { Arrears, Invoice, Invoices } from './records.ts';

/** Enough prepared invoices to count the committee's work; beyond, the count says "at least". */
const COUNTED = 1000;

/** What waits for the committee (invoices to approve) and the payer (to order, overdue), with links. */
export function MoneyHome() {
  const { programmeId, capability } = useSession();
  if (!programmeId) return null;
  return (
    <>
      {(capability('invoice.prepare').somewhere || capability('invoice.approve').somewhere) && <CommitteeWork programmeId={programmeId} />}
      {(capability('payment.order').somewhere || capability('payment.record').somewhere) && <PayerWork programmeId={programmeId} />}
    </>
  );
}

function CommitteeWork({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const prepared = useQuery({
    queryKey: ['invoices', programmeId, 'home', 'prepared'],
    queryFn: () => api.get<Invoices>(`/api/programmes/${programmeId}/invoices${query({ status: 'prepared', limit: COUNTED })}`),
  });
  if (prepared.error) return <ErrorMessage error={prepared.error} onRetry={() => prepared.refetch()} />;
  if (!prepared.data) return null;
  const others = prepared.data.items.filter((invoice) => invoice.policies.approve);
  const mine = prepared.data.items.filter((invoice) => invoice.policies.approveRefusal === 'preparedByYou').length;
  const more = prepared.data.total > prepared.data.items.length;
  return (
    <section className="card home-work" aria-labelledby="home-approve-title">
      <h2 id="home-approve-title">{t('money.home.approveTitle')}</h2>
      {others.length === 0 ? (
        <p>{t('money.home.nothingToApprove')}</p>
      ) : (
        <p>
          <Link to="/invoices?status=prepared">{t(more ? 'money.home.toApproveAtLeast' : 'money.home.toApprove', { count: others.length })}</Link>
        </p>
      )}
      {mine > 0 && <p className="muted">{t('money.home.yoursWaiting', { count: mine })}</p>}
    </section>
  );
}

function PayerWork({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const approved = useQuery({
    queryKey: ['invoices', programmeId, 'home', 'approved'],
    queryFn: () => api.get<Invoices>(`/api/programmes/${programmeId}/invoices${query({ status: 'approved', limit: COUNTED })}`),
  });
  const arrears = useQuery({
    queryKey: ['payments', programmeId, 'home', 'arrears'],
    queryFn: () => api.get<Arrears>(`/api/programmes/${programmeId}/arrears${query({ limit: 1000 })}`),
  });
  const error = approved.error ?? arrears.error;
  if (error) return <ErrorMessage error={error} />;
  if (!approved.data || !arrears.data) return null;
  const overdue = arrears.data.items;
  return (
    <section className="card home-work" aria-labelledby="home-pay-title">
      <h2 id="home-pay-title">{t('money.home.payTitle')}</h2>
      {approved.data.total === 0 ? (
        <p>{t('money.home.nothingToOrder')}</p>
      ) : (
        <>
          <p>{t('money.home.toOrder', { count: approved.data.total })}</p>
          <ul>
            {periodsOf(approved.data.items).map(([period, count]) => (
              <li key={period}>
                <Link to={`/payments?period=${period}`}>{t('money.home.toOrderIn', { period: formatPeriod(period, i18n.language), count })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        {overdue.length === 0 ? (
          t('money.home.nothingOverdue')
        ) : (
          <Link to="/payments?view=delays" className="bad">
            {t('money.home.overdue', { count: overdue.length, days: Math.max(...overdue.map((row) => row.daysOverdue)) })}{' '}
            <Money value={sumAmounts(overdue.map((row) => row.outstanding))} />
          </Link>
        )}
      </p>
    </section>
  );
}

/** Invoices counted per period, oldest first: an order covers one period. */
function periodsOf(invoices: readonly Invoice[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const invoice of invoices) counts.set(invoice.period, (counts.get(invoice.period) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}
