import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { formatDate } from '../i18n/format.ts';
import type { PaymentOrder } from './records.ts';

/**
 * A cancelled order says when and why; an order its policy lets the reader cancel (the payer,
 * nothing paid on it) offers its cancellation, with a reason; the payer of one paid on is told why not.
 */
export function OrderCancellation({ programmeId, order }: { programmeId: string; order: PaymentOrder }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  if (order.cancelledAt) {
    return (
      <p className="banner locked" role="note">
        {t('money.cancel.done', { date: formatDate(order.cancelledAt, i18n.language), reason: order.cancellationReason ?? '' })}
      </p>
    );
  }
  if (order.policies.cancelRefusal === 'paid' && order.policies.recordPayment) return <p className="muted small-text">{t('money.cancel.paid')}</p>;
  if (!order.policies.cancel) return null;
  const cancel = async (reason: string) => {
    await api.post(`/api/programmes/${programmeId}/payment-orders/${order.id}/cancel`, { reason });
    await Promise.all(['payment-orders', 'invoices'].map((key) => client.invalidateQueries({ queryKey: [key] })));
  };
  return (
    <ReasonDialog
      label={t('money.cancel.label')}
      title={t('money.cancel.title', { id: order.id })}
      help={t('money.cancel.help')}
      confirmLabel={t('money.cancel.confirm')}
      onConfirm={cancel}
    />
  );
}
