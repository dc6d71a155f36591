import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { formatDate } from '../i18n/format.ts';
import type { PaymentOrder } from './types.ts';

/** A cancelled order says when and why; an order nothing was paid on offers the payer its cancellation, with a reason. */
export function OrderCancellation({ programmeId, order, anythingPaid }: { programmeId: string; order: PaymentOrder; anythingPaid: boolean }) {
  const { t, i18n } = useTranslation();
  const { hasRole } = useSession();
  const client = useQueryClient();
  if (order.cancelledAt) {
    return (
      <p className="banner locked" role="note">
        {t('money.cancel.done', { date: formatDate(order.cancelledAt, i18n.language), reason: order.cancellationReason ?? '' })}
      </p>
    );
  }
  if (!hasRole('payer')) return null;
  if (anythingPaid) return <p className="muted small-text">{t('money.cancel.paid')}</p>;
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
