import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useApprove } from './approveInvoices.ts';
import { FundersPartsSummary, InvoicesSummary, useInvoiceParts } from './MoneySummary.tsx';
import type { Invoice } from './records.ts';

/**
 * The second pair of eyes on one invoice: the approve button when the invoice's policy allows
 * it (another committee member), confirmed with what it approves (the amount and each funder's
 * part), and for the one who prepared it, the reason they cannot.
 */
export function InvoiceApproval({ programmeId, invoice, facility }: { programmeId: string; invoice: Invoice; facility: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const approve = useApprove(programmeId);
  const parts = useInvoiceParts(programmeId, [invoice.id], confirming);
  const names = new Map([[invoice.orgUnitId, facility]]);
  if (approve.isSuccess) {
    return (
      <p className="good" role="status">
        {t('money.approve.done', { count: approve.data.approved.length })}
      </p>
    );
  }
  const { approve: allowed, approveRefusal } = invoice.policies;
  if (approveRefusal === 'preparedByYou') {
    return (
      <p className="note" role="note">
        {t('money.approve.preparedByYou', { run: invoice.runId })}
      </p>
    );
  }
  if (!allowed) return null;
  return (
    <form
      className="inline-form card"
      aria-label={t('money.approve.title')}
      onSubmit={(event) => {
        event.preventDefault();
        approve.reset();
        setConfirming(true);
      }}
    >
      <label className="inline">
        {t('money.approve.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={approve.isPending}>
        {t('money.approve.oneOpen')}
      </button>
      <ConfirmDialog
        id="approve-one"
        open={confirming}
        title={t('money.approve.confirmOne', { id: invoice.id, unit: facility })}
        confirm={approve.isPending ? t('money.approve.busy') : t('money.approve.one')}
        busy={approve.isPending || !parts.data}
        error={approve.error}
        onConfirm={() => approve.mutate({ invoiceIds: [invoice.id], reason }, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <InvoicesSummary invoices={[invoice]} names={names} />
        <FundersPartsSummary programmeId={programmeId} parts={parts} />
        <p>{t('money.approve.final')}</p>
      </ConfirmDialog>
    </form>
  );
}
