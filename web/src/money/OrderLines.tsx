import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { DateInput } from '../components/DateInput.tsx';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatMoney, formatNumber, formatPeriod } from '../i18n/format.ts';
import { compareAmounts, editableAmount, readAmount } from './amounts.ts';
import { funderName, useFunders } from './funders.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import { refusalsByLine, type Overpayment } from './paymentErrors.ts';
import { isoToday } from './today.ts';
import { useProgramme } from './programme.ts';
import { Progress } from './Progress.tsx';
import type { NewPayment, OrderDetail, OrderLine, Paid } from './records.ts';
import { OrderCancellation } from './OrderCancellation.tsx';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 500;

/**
 * One payment order's lines, what was paid on each and what is outstanding; the payer
 * records payments against chosen lines (one date and reference for the transfer, an amount
 * per line), stored all or none. A refusal is shown at the line the server names.
 */
export function OrderLines({ programmeId, orderId }: { programmeId: string; orderId: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const programme = useProgramme();
  const decimals = programme?.currencyDecimals ?? 0;
  const funders = useFunders(programmeId);
  const [offset, setOffset] = useState(0);
  const [amounts, setAmounts] = useState<ReadonlyMap<number, string>>(new Map());
  const [paidOn, setPaidOn] = useState(isoToday());
  const [reference, setReference] = useState('');
  const order = useQuery({
    queryKey: ['payment-orders', programmeId, 'detail', orderId, offset],
    queryFn: () => api.get<OrderDetail>(`/api/programmes/${programmeId}/payment-orders/${orderId}${query({ limit: LIMIT, offset })}`),
  });
  const record = useMutation({
    mutationFn: (payments: NewPayment[]) => api.post<Paid>(`/api/programmes/${programmeId}/payments`, { payments }, { idempotent: true }),
    onSuccess: () => {
      setAmounts(new Map());
      setReference('');
      return Promise.all(['payment-orders', 'invoices', 'payments'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
  const names = useUnitNames(programmeId, order.data?.lines.items.map((line) => line.orgUnitId) ?? []);
  if (order.isPending) return <Loading />;
  if (order.error) return <ErrorMessage error={order.error} onRetry={() => order.refetch()} />;
  const data = order.data;
  const canPay = data.policies.recordPayment;
  const open = data.lines.items.filter((line) => compareAmounts(line.outstanding, '0') > 0);
  const refusals = refusalsByLine(record.error, record.variables ?? []);
  const typed = (amount: string) => readAmount(amount, i18n.language, decimals);
  const allAmountsValid = [...amounts.values()].every((amount) => typed(amount) !== undefined);

  const money = (value: string) => (programme ? formatMoney(value, programme.currency, i18n.language) : formatNumber(Number(value), i18n.language));
  const overpaid = (over: Overpayment, unit: string) =>
    t('money.pay.overpaid', {
      unit,
      id: over.invoiceId,
      order: over.orderId,
      amount: money(over.amount),
      due: money(over.due),
      ordered: money(over.ordered),
      paid: money(over.paidBefore),
    });

  const choose = (line: OrderLine, on: boolean) =>
    setAmounts((current) => {
      const next = new Map(current);
      if (on) next.set(line.invoiceId, editableAmount(line.outstanding, decimals, i18n.language));
      else next.delete(line.invoiceId);
      return next;
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate([...amounts].map(([invoiceId, amount]) => ({ orderId, invoiceId, paidOn, amount: typed(amount)!, reference: reference.trim() })));
  }

  return (
    <section className="card order-lines" aria-labelledby="order-lines-title">
      <h2 id="order-lines-title">
        {t('money.order.title', { id: data.id, funder: funderName(funders.data, data.funderId), period: formatPeriod(data.period, i18n.language) })}
      </h2>
      <p>
        {t('money.order.total')} <Money value={data.total} /> · {t('money.order.lines', { count: data.lines.total })}
      </p>
      <OrderCancellation programmeId={programmeId} order={data} />
      <form onSubmit={submit} aria-label={t('money.pay.title')}>
        <VirtualRows
          rows={data.lines.items}
          columns={canPay ? 7 : 6}
          head={
            <tr>
              {canPay && (
                <th scope="col">
                  {open.length > 0 && (
                    <input
                      type="checkbox"
                      aria-label={t('money.pay.selectAll')}
                      checked={open.every((line) => amounts.has(line.invoiceId))}
                      onChange={(e) => open.forEach((line) => choose(line, e.target.checked))}
                    />
                  )}
                </th>
              )}
              <th scope="col">{t('money.col.facility')}</th>
              <th scope="col">{t('money.col.payment')}</th>
              <th scope="col" className="number">{t('money.col.ordered')}</th>
              <th scope="col" className="number">{t('money.col.paid')}</th>
              <th scope="col" className="number">{t('money.col.outstanding')}</th>
              {canPay && <th scope="col">{t('money.pay.amount')}</th>}
            </tr>
          }
          renderRow={(line, _index, props) => {
            const unit = names.get(line.orgUnitId) ?? line.orgUnitId;
            const amount = amounts.get(line.invoiceId);
            const refusal = refusals.get(line.invoiceId);
            const owed = compareAmounts(line.outstanding, '0') > 0;
            return (
              <tr key={line.invoiceId} {...props} className={refusal ? 'refused' : undefined}>
                {canPay && (
                  <td>
                    {owed && (
                      <input
                        type="checkbox"
                        aria-label={t('money.pay.select', { unit, id: line.invoiceId })}
                        checked={amount !== undefined}
                        onChange={(e) => choose(line, e.target.checked)}
                      />
                    )}
                  </td>
                )}
                <td>
                  <UnitName id={line.orgUnitId} names={names} />
                  <div className="muted small-text">{t('money.invoice.number', { id: line.invoiceId })}</div>
                </td>
                <td>
                  <PaymentName code={line.payment} />
                </td>
                <td className="number">
                  <Money value={line.amount} />
                </td>
                <td className="number">
                  <Money value={line.paid} />
                </td>
                <td className="number">{owed ? <Money value={line.outstanding} /> : <span className="badge">{t('money.pay.settled')}</span>}</td>
                {canPay && (
                  <td>
                    {amount !== undefined && (
                      <input
                        className="amount-input"
                        inputMode="decimal"
                        aria-label={t('money.pay.amountOf', { unit, id: line.invoiceId })}
                        aria-invalid={typed(amount) === undefined || !!refusal}
                        value={amount}
                        onChange={(e) => setAmounts((current) => new Map(current).set(line.invoiceId, e.target.value))}
                      />
                    )}
                    {refusal && (
                      <p className="line-error" role="alert">
                        {refusal.kind === 'overpayment' ? overpaid(refusal.overpayment, unit) : refusal.message}
                      </p>
                    )}
                  </td>
                )}
              </tr>
            );
          }}
        />
        <Pager total={data.lines.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        {canPay && open.length > 0 && (
          <div className="save-bar">
            <span className="check-status">{t('money.pay.chosen', { count: amounts.size })}</span>
            <label className="stacked">
              {t('money.pay.paidOn')}
              <DateInput value={paidOn} max={isoToday()} onChange={setPaidOn} required />
            </label>
            <label className="stacked grow">
              {t('money.pay.reference')}
              <input value={reference} onChange={(e) => setReference(e.target.value)} required />
            </label>
            <button type="submit" disabled={amounts.size === 0 || !reference.trim() || !paidOn || !allAmountsValid || record.isPending}>
              {t('money.pay.submit', { count: amounts.size })}
            </button>
            {record.isPending && <Progress since={record.submittedAt} label={t('money.pay.busy')} />}
            {record.error && (
              <div className="save-message">
                {/* An overpayment is worded at its line: here, only where to look. */}
                {refusals.size > 0 && [...refusals.values()].every((refusal) => refusal.kind === 'overpayment') ? (
                  <p className="alert" role="alert">
                    {t('error.OVERPAYMENT')}
                  </p>
                ) : (
                  <ErrorMessage error={record.error} />
                )}
              </div>
            )}
          </div>
        )}
        {record.isSuccess && (
          <p className="good" role="status">
            {t('money.pay.done', { count: record.data.paymentIds.length, paid: record.data.paidInvoiceIds.length })}
          </p>
        )}
      </form>
    </section>
  );
}
