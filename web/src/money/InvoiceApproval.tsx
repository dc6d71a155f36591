import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { approvalBlock, useApprove } from './approval.ts';
import type { Invoice } from './types.ts';

/**
 * The second pair of eyes on one invoice: the approve button for another committee member,
 * and for the one who prepared it, the reason they cannot.
 */
export function InvoiceApproval({ programmeId, invoice }: { programmeId: string; invoice: Invoice }) {
  const { t } = useTranslation();
  const { me, hasRole } = useSession();
  const [reason, setReason] = useState('');
  const approve = useApprove(programmeId);
  if (!hasRole('validator')) return null;
  if (approve.isSuccess) {
    return (
      <p className="good" role="status">
        {t('money.approve.done', { count: approve.data.approved.length })}
      </p>
    );
  }
  const block = approvalBlock(invoice, me?.userId);
  if (block === 'preparedByYou') {
    return (
      <p className="note" role="note">
        {t('money.approve.preparedByYou', { run: invoice.runId })}
      </p>
    );
  }
  if (block !== null) return null;
  return (
    <form
      className="inline-form card"
      aria-label={t('money.approve.title')}
      onSubmit={(event) => {
        event.preventDefault();
        approve.mutate({ invoiceIds: [invoice.id], reason });
      }}
    >
      <label className="inline">
        {t('money.approve.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={approve.isPending}>
        {approve.isPending ? t('money.approve.busy') : t('money.approve.one')}
      </button>
      {approve.error && <ErrorMessage error={approve.error} />}
    </form>
  );
}
