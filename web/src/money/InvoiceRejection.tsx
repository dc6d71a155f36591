import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { formatDate } from '../i18n/format.ts';
import type { Invoice } from './records.ts';

/**
 * A rejected invoice says when and why; a prepared one offers the committee its rejection,
 * with a reason (the one who prepared it too: rejecting moves no money, it reopens the period).
 */
export function InvoiceRejection({ programmeId, invoice }: { programmeId: string; invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  if (invoice.status === 'rejected') {
    return (
      <p className="banner locked" role="note">
        {t('money.reject.done', { date: formatDate(invoice.rejectedAt ?? invoice.createdAt, i18n.language), reason: invoice.rejectionReason ?? '' })}
      </p>
    );
  }
  if (!invoice.policies.reject) return null;
  const reject = async (reason: string) => {
    await api.post(`/api/programmes/${programmeId}/invoices/${invoice.id}/reject`, { reason });
    await Promise.all(['invoices', 'invoice-runs', 'sheet', 'workflow'].map((key) => client.invalidateQueries({ queryKey: [key] })));
  };
  return (
    <ReasonDialog
      label={t('money.reject.label')}
      title={t('money.reject.title', { id: invoice.id })}
      help={t('money.reject.help')}
      confirmLabel={t('money.reject.confirm')}
      onConfirm={reject}
    />
  );
}
