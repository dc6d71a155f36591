import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { funderName, useFunders } from './funders.ts';
import { Money, UnitName } from './Money.tsx';
import type { FundersParts, Invoice, InvoicesParts, OrderPreview } from './records.ts';

/** Each funder's part of invoices about to be approved, split by the shares in force; read while the confirmation is open. */
export function useInvoiceParts(programmeId: string, invoiceIds: readonly number[], open: boolean) {
  return useQuery({
    queryKey: ['invoices', programmeId, 'funders-parts', invoiceIds],
    queryFn: () => api.post<InvoicesParts>(`/api/programmes/${programmeId}/invoices/funders-parts`, { invoiceIds }),
    enabled: open && invoiceIds.length > 0,
  });
}

/** What ordering the subtree's approved invoices would create, read while the confirmation is open. */
export function useOrderPreview(programmeId: string, unit: string, period: string, open: boolean) {
  return useQuery({
    queryKey: ['payment-orders', programmeId, 'preview', unit, period],
    queryFn: () => api.get<OrderPreview>(`/api/programmes/${programmeId}/payment-orders/preview${query({ orgUnitId: unit, period })}`),
    enabled: open,
    staleTime: 0,
  });
}

const LISTED = 50;

/** The invoices a confirmation is about, facility, period and amount each (the first fifty of a long batch). */
export function InvoicesSummary({ invoices, names }: { invoices: readonly Invoice[]; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="confirm-list">
      <table className="list">
        <caption className="visually-hidden">{t('money.confirm.invoices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.col.facility')}</th>
            <th scope="col">{t('money.col.period')}</th>
            <th scope="col" className="number">{t('money.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.slice(0, LISTED).map((invoice) => (
            <tr key={invoice.id}>
              <td>
                <UnitName id={invoice.orgUnitId} names={names} />
                <div className="muted small-text">
                  {t('money.invoice.number', { id: invoice.id })} · <span className="code">{invoice.payment}</span>
                </div>
              </td>
              <td>{formatPeriod(invoice.period, i18n.language)}</td>
              <td className="number">
                <Money value={invoice.amount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invoices.length > LISTED && <p className="muted small-text">{t('money.confirm.more', { count: invoices.length - LISTED })}</p>}
    </div>
  );
}

/** The total and each funder's part of it, or what keeps the invoices from being split. */
export function FundersPartsSummary({ programmeId, parts }: { programmeId: string; parts: UseQueryResult<FundersParts> }) {
  const { t } = useTranslation();
  const funders = useFunders(programmeId);
  if (parts.isPending) return <Loading />;
  if (parts.error) return <ErrorMessage error={parts.error} onRetry={() => parts.refetch()} />;
  const { data } = parts;
  return (
    <>
      <p>
        {t('money.confirm.total', { count: data.invoices })} <strong><Money value={data.total} /></strong>
      </p>
      {data.funders.length > 0 && (
        <table className="list funder-parts">
          <caption>{t('money.confirm.parts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('money.col.funder')}</th>
              <th scope="col" className="number">{t('money.col.invoices')}</th>
              <th scope="col" className="number">{t('money.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {data.funders.map((part) => (
              <tr key={part.funderId}>
                <th scope="row">{funderName(funders.data, part.funderId)}</th>
                <td className="number">{part.invoices}</td>
                <td className="number">
                  <Money value={part.amount} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.unsplit.length > 0 && <p className="warn">{t('money.confirm.unsplit', { count: data.unsplit.length })}</p>}
      {'skipped' in data && data.skipped > 0 && <p className="muted">{t('money.orders.create.skipped', { count: data.skipped })}</p>}
    </>
  );
}
