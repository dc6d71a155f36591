import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDate } from '../i18n/format.ts';
import { Money } from './Money.tsx';
import { funderName, useFunders } from './funders.ts';
import type { Payments } from './records.ts';

/** The payments recorded against one invoice, by funder, with their references. */
export function InvoicePayments({ programmeId, invoiceId }: { programmeId: string; invoiceId: number }) {
  const { t, i18n } = useTranslation();
  const funders = useFunders(programmeId);
  const payments = useQuery({
    queryKey: ['invoices', programmeId, 'payments', invoiceId],
    queryFn: () => api.get<Payments>(`/api/programmes/${programmeId}/payments${query({ invoiceId, limit: 1000 })}`),
  });
  if (payments.isPending) return <Loading />;
  if (payments.error) return <ErrorMessage error={payments.error} onRetry={() => payments.refetch()} />;
  if (payments.data.items.length === 0) return <p className="muted">{t('money.payments.noneYet')}</p>;
  return (
    <table className="list">
      <thead>
        <tr>
          <th scope="col">{t('money.col.paidOn')}</th>
          <th scope="col">{t('money.col.funder')}</th>
          <th scope="col" className="number">{t('money.col.amount')}</th>
          <th scope="col">{t('money.col.reference')}</th>
          <th scope="col">{t('money.col.order')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.data.items.map((payment) => (
          <tr key={payment.id}>
            <td>{formatDate(payment.paidOn, i18n.language)}</td>
            <td>{funderName(funders.data, payment.funderId)}</td>
            <td className="number">
              <Money value={payment.amount} />
            </td>
            <td className="code">{payment.reference}</td>
            <td>{t('money.order.number', { id: payment.orderId })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
