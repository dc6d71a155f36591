import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { funderName, useFunders } from './funders.ts';
import { Money } from './Money.tsx';
import { FundersPartsSummary, useOrderPreview } from './MoneySummary.tsx';
import { isEntryPeriod } from '../../../src/contract/periods.ts';
import { Progress } from './Progress.tsx';
import type { Invoices, OrderAnswer } from './records.ts';
import { useUnitNames } from './unitNames.ts';

/**
 * The approved invoices of the subtree and period not ordered yet, and the payer's button
 * that orders them: one payment order per funder, split by the funder shares, after a
 * confirmation of what will be ordered (the server's preview of the same plan).
 */
export function OrderCreate({ programmeId, unit, period, canOrder }: { programmeId: string; unit: string; period: string; canOrder: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const funders = useFunders(programmeId);
  const names = useUnitNames(programmeId, [unit]);
  const waiting = useQuery({
    queryKey: ['invoices', programmeId, 'approved', unit, period],
    queryFn: () => api.get<Invoices>(`/api/programmes/${programmeId}/invoices${query({ orgUnitId: unit, period, status: 'approved', limit: 1 })}`),
  });
  const order = useMutation({
    mutationFn: () => api.post<OrderAnswer>(`/api/programmes/${programmeId}/payment-orders`, { orgUnitId: unit, period }, { idempotent: true }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['invoices'] }), queryClient.invalidateQueries({ queryKey: ['payment-orders'] })]),
  });
  const [confirming, setConfirming] = useState(false);
  const preview = useOrderPreview(programmeId, unit, period, confirming);
  const count = waiting.data?.total ?? 0;
  const ready = isEntryPeriod(period);
  const facts = { count, unit: names.get(unit) ?? unit, period: ready ? formatPeriod(period, i18n.language) : t('money.scope.allPeriods') };
  return (
    <section className="card" aria-labelledby="order-create-title">
      <h2 id="order-create-title">{t('money.orders.create.title')}</h2>
      <p>{t('money.orders.create.waiting', facts)}</p>
      {canOrder && count > 0 && (
        <button
          type="button"
          disabled={!ready || order.isPending}
          onClick={() => {
            order.reset();
            setConfirming(true);
          }}
        >
          {ready ? t('money.orders.create.open', facts) : t('money.orders.create.needPeriod')}
        </button>
      )}
      <ConfirmDialog
        id="order-confirm"
        open={confirming}
        title={t('money.orders.create.confirmTitle', facts)}
        confirm={t('money.orders.create.submit', facts)}
        busy={order.isPending || !preview.data}
        error={order.error}
        onConfirm={() => order.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <FundersPartsSummary programmeId={programmeId} parts={preview} />
        <p>{t('money.orders.create.final')}</p>
      </ConfirmDialog>
      {order.isPending && order.submittedAt > 0 && <Progress since={order.submittedAt} label={t('money.orders.create.busy')} />}
      {order.error && <ErrorDetails error={order.error} />}
      {order.data && (
        <div role="status">
          <p className="good">{t('money.orders.create.done', { count: order.data.orders.length })}</p>
          <ul>
            {order.data.orders.map((created) => (
              <li key={created.id}>
                {t('money.orders.create.line', { id: created.id, funder: funderName(funders.data, created.funderId), lines: created.lineCount })}{' '}
                <Money value={created.total} />
              </li>
            ))}
          </ul>
          {order.data.skipped.length > 0 && <p className="warn">{t('money.orders.create.skipped', { count: order.data.skipped.length })}</p>}
        </div>
      )}
    </section>
  );
}
