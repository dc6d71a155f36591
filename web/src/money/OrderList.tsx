import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDate, formatPeriod } from '../i18n/format.ts';
import { sumAmounts } from './amounts.ts';
import { funderName, useFunders } from './funders.ts';
import { Money, UnitName } from './Money.tsx';
import type { PaymentOrders } from './records.ts';
import { useUnitNames } from './unitNames.ts';

/** Orders are few (one per funder, period and subtree ordered): one page holds years of them. */
const LIMIT = 1000;

/** The payment orders of the subtree and period, each funder's total, and one order to open. */
export function OrderList({
  programmeId,
  unit,
  period,
  selected,
  onSelect,
}: {
  programmeId: string;
  unit: string;
  period: string;
  selected: number | null;
  onSelect: (orderId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const funders = useFunders(programmeId);
  const orders = useQuery({
    queryKey: ['payment-orders', programmeId, unit, period],
    queryFn: () => api.get<PaymentOrders>(`/api/programmes/${programmeId}/payment-orders${query({ orgUnitId: unit, period, limit: LIMIT })}`),
  });
  const names = useUnitNames(programmeId, orders.data?.items.map((order) => order.orgUnitId) ?? []);
  if (orders.isPending) return <Loading />;
  if (orders.error) return <ErrorMessage error={orders.error} onRetry={() => orders.refetch()} />;
  const items = orders.data.items;
  if (items.length === 0) return <p className="muted">{t('money.orders.none')}</p>;
  const byFunder = [...new Set(items.map((order) => order.funderId))].sort().map((funderId) => {
    const own = items.filter((order) => order.funderId === funderId);
    return { funderId, count: own.length, total: sumAmounts(own.map((order) => order.total)) };
  });
  return (
    <>
      <table className="list funder-totals">
        <caption>{t('money.orders.byFunder')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.col.funder')}</th>
            <th scope="col" className="number">{t('money.orders.count')}</th>
            <th scope="col" className="number">{t('money.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          {byFunder.map((row) => (
            <tr key={row.funderId}>
              <th scope="row">{funderName(funders.data, row.funderId)}</th>
              <td className="number">{row.count}</td>
              <td className="number">
                <Money value={row.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {orders.data.total > items.length && <p className="muted">{t('money.orders.truncated', { shown: items.length, total: orders.data.total })}</p>}
      <div className="scroll-x">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('money.col.order')}</th>
              <th scope="col">{t('money.col.funder')}</th>
              <th scope="col">{t('money.col.period')}</th>
              <th scope="col">{t('money.col.subtree')}</th>
              <th scope="col" className="number">{t('money.col.total')}</th>
              <th scope="col">{t('money.col.created')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((order) => (
              <tr key={order.id} className={order.id === selected ? 'selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link" aria-pressed={order.id === selected} onClick={() => onSelect(order.id)}>
                    {t('money.order.number', { id: order.id })}
                  </button>
                </th>
                <td>{funderName(funders.data, order.funderId)}</td>
                <td>{formatPeriod(order.period, i18n.language)}</td>
                <td>
                  <UnitName id={order.orgUnitId} names={names} />
                </td>
                <td className="number">
                  <Money value={order.total} />
                </td>
                <td>{formatDate(order.createdAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
