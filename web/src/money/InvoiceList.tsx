import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatPeriod } from '../i18n/format.ts';
import { refusalsByInvoice, useApprove } from './approveInvoices.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import { FundersPartsSummary, InvoicesSummary, useInvoiceParts } from './MoneySummary.tsx';
import { useParam } from './scope.ts';
import { INVOICE_STATUSES } from '../../../src/contract/invoices.ts';
import type { Invoice, Invoices } from './records.ts';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 500;

/**
 * Current invoices of the subtree and period, by status; the committee selects invoices and
 * approves them, each as its policy allows. The member who prepared an invoice gets no check
 * box for it, but the reason.
 */
export function InvoiceList({ programmeId, unit, period }: { programmeId: string; unit: string; period: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [status, setStatus] = useParam('status');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const approve = useApprove(programmeId);
  const invoices = useQuery({
    queryKey: ['invoices', programmeId, 'list', unit, period, status, offset],
    queryFn: () =>
      api.get<Invoices>(`/api/programmes/${programmeId}/invoices${query({ orgUnitId: unit, period, status: status ?? undefined, limit: LIMIT, offset })}`),
  });
  const names = useUnitNames(programmeId, invoices.data?.items.map((invoice) => invoice.orgUnitId) ?? []);
  const rows = invoices.data?.items ?? [];
  // The selection column is the committee's: shown when the reader may approve on some row's unit.
  const canApprove = rows.some((invoice) => invoice.policies.approveRefusal !== 'notAllowed');
  const approvable = rows.filter((invoice) => invoice.policies.approve);
  const mine = rows.filter((invoice) => invoice.policies.approveRefusal === 'preparedByYou');
  const chosen = approvable.filter((invoice) => selected.has(invoice.id)).map((invoice) => invoice.id);

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('money.invoices.title')}</h2>
      <label className="inline">
        {t('money.col.status')}
        <select
          value={status ?? ''}
          onChange={(e) => {
            setOffset(0);
            setSelected(new Set());
            setStatus(e.target.value || null);
          }}
        >
          <option value="">{t('money.status.all')}</option>
          {INVOICE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`money.status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {invoices.data && <span className="muted">{t('money.invoices.count', { count: invoices.data.total })}</span>}
      {mine.length > 0 && (
        <p className="note" role="note">
          {t('money.approve.yoursNote', { count: mine.length })}
        </p>
      )}
      {invoices.isPending && <Loading />}
      {invoices.error && <ErrorMessage error={invoices.error} onRetry={() => invoices.refetch()} />}
      {invoices.data && rows.length === 0 && <p className="muted">{t('common.none')}</p>}
      {rows.length > 0 && (
        <InvoiceRows
          rows={rows}
          names={names}
          canApprove={canApprove}
          userId={me?.userId}
          selected={selected}
          onToggle={toggle}
          onToggleAll={approvable.length > 0 ? (on) => setSelected(on ? new Set(approvable.map((invoice) => invoice.id)) : new Set()) : undefined}
          allSelected={approvable.length > 0 && chosen.length === approvable.length}
        />
      )}
      {invoices.data && <Pager total={invoices.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
      <ApproveOutcome approve={approve} />
      {canApprove && approvable.length > 0 && (
        <ApproveBar
          programmeId={programmeId}
          invoices={approvable.filter((invoice) => selected.has(invoice.id))}
          names={names}
          approve={approve}
          onApproved={() => setSelected(new Set())}
        />
      )}
    </section>
  );
}

function InvoiceRows({
  rows,
  names,
  canApprove,
  userId,
  selected,
  onToggle,
  onToggleAll,
  allSelected,
}: {
  rows: readonly Invoice[];
  names: ReadonlyMap<string, string>;
  canApprove: boolean;
  userId: number | undefined;
  selected: ReadonlySet<number>;
  onToggle: (id: number, on: boolean) => void;
  /** Absent when nothing on the page may be approved by this member. */
  onToggleAll: ((on: boolean) => void) | undefined;
  allSelected: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <VirtualRows
      rows={rows}
      columns={canApprove ? 8 : 7}
      head={
        <tr>
          {canApprove && (
            <th scope="col">
              {onToggleAll ? (
                <input type="checkbox" aria-label={t('money.approve.selectAll')} checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
              ) : (
                <span className="visually-hidden">{t('money.approve.title')}</span>
              )}
            </th>
          )}
          <th scope="col">{t('money.col.invoice')}</th>
          <th scope="col">{t('money.col.facility')}</th>
          <th scope="col">{t('money.col.period')}</th>
          <th scope="col">{t('money.col.payment')}</th>
          <th scope="col" className="number">{t('money.col.amount')}</th>
          <th scope="col">{t('money.col.status')}</th>
          <th scope="col">{t('money.col.preparedBy')}</th>
        </tr>
      }
      renderRow={(invoice, _index, props) => {
        const facility = names.get(invoice.orgUnitId) ?? invoice.orgUnitId;
        return (
          <tr key={invoice.id} {...props} className={selected.has(invoice.id) ? 'selected' : undefined}>
            {canApprove && (
              <td>
                {invoice.policies.approve ? (
                  <input
                    type="checkbox"
                    aria-label={t('money.approve.select', { id: invoice.id, unit: facility })}
                    checked={selected.has(invoice.id)}
                    onChange={(e) => onToggle(invoice.id, e.target.checked)}
                  />
                ) : null}
              </td>
            )}
            <td>
              <Link to={`/invoices/${invoice.id}`}>{t('money.invoice.number', { id: invoice.id })}</Link>
            </td>
            <td>
              <UnitName id={invoice.orgUnitId} names={names} />
            </td>
            <td>{formatPeriod(invoice.period, i18n.language)}</td>
            <td>
              <PaymentName code={invoice.payment} />
            </td>
            <td className="number">
              <Money value={invoice.amount} />
            </td>
            <td>
              <span className={`badge status-${invoice.status}`}>{t(`money.status.${invoice.status}`)}</span>
            </td>
            <td>{invoice.preparedBy === userId ? t('money.preparedBy.you') : t('money.preparedBy.other')}</td>
          </tr>
        );
      }}
    />
  );
}

/**
 * The selected invoices' approval, with an optional reason, all or none, after a confirmation
 * of what it approves: each invoice, their total and each funder's part.
 */
function ApproveBar({
  programmeId,
  invoices,
  names,
  approve,
  onApproved,
}: {
  programmeId: string;
  invoices: readonly Invoice[];
  names: ReadonlyMap<string, string>;
  approve: ReturnType<typeof useApprove>;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const invoiceIds = invoices.map((invoice) => invoice.id);
  const parts = useInvoiceParts(programmeId, invoiceIds, confirming);
  return (
    <form
      className="save-bar"
      aria-label={t('money.approve.title')}
      onSubmit={(event) => {
        event.preventDefault();
        approve.reset();
        setConfirming(true);
      }}
    >
      <span className="check-status">{t('money.approve.selected', { count: invoiceIds.length })}</span>
      <label className="stacked grow">
        {t('money.approve.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={invoiceIds.length === 0 || approve.isPending}>
        {t('money.approve.submitOpen')}
      </button>
      <ConfirmDialog
        id="approve-many"
        open={confirming}
        title={t('money.approve.confirmMany', { count: invoiceIds.length })}
        confirm={approve.isPending ? t('money.approve.busy') : t('money.approve.submit')}
        busy={approve.isPending || !parts.data}
        error={approve.error}
        onConfirm={() =>
          approve.mutate(
            { invoiceIds, reason },
            {
              onSuccess: () => {
                setConfirming(false);
                onApproved();
              },
            },
          )
        }
        onCancel={() => setConfirming(false)}
      >
        <InvoicesSummary invoices={invoices} names={names} />
        <FundersPartsSummary programmeId={programmeId} parts={parts} />
        <p>{t('money.approve.final')}</p>
      </ConfirmDialog>
    </form>
  );
}

function ApproveOutcome({ approve }: { approve: ReturnType<typeof useApprove> }) {
  const { t } = useTranslation();
  const refusals = refusalsByInvoice(approve.error, approve.variables?.invoiceIds ?? []);
  if (approve.isSuccess) {
    return (
      <p className="good" role="status">
        {t('money.approve.done', { count: approve.data.approved.length })}
      </p>
    );
  }
  if (!approve.error) return null;
  return (
    <>
      <ErrorMessage error={approve.error} />
      {refusals.size > 1 && (
        <ul className="small-text">
          {[...refusals].map(([id, message]) => (
            <li key={id}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
