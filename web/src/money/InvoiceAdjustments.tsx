import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod } from '../i18n/format.ts';
import { Money } from './Money.tsx';
import { ProvenanceView } from './ProvenanceTree.tsx';
import type { Adjustment, Correction, InvoiceDetail } from './records.ts';

/**
 * The lines of earlier periods an invoice carries: per corrected period, what the rules of
 * that period pay with the corrected figures, what was granted, the difference and why; or a
 * remainder an earlier invoice could not take. Then the invoice's own amount and the total.
 */
export function InvoiceAdjustments({ programmeId, invoice }: { programmeId: string; invoice: InvoiceDetail }) {
  const { t, i18n } = useTranslation();
  const [explained, setExplained] = useState<number | null>(null);
  const negative = invoice.carriedForward !== '0' && Number(invoice.carriedForward) < 0;
  if (invoice.adjustments.length === 0 && !negative) return null;
  return (
    <section aria-labelledby="adjustments-title" className="card adjustments">
      <h2 id="adjustments-title">{t('adjust.invoice.title', { count: invoice.adjustments.length })}</h2>
      <div className="scroll-x">
      <table className="list">
        <thead>
          <tr>
            <th scope="col">{t('adjust.col.period')}</th>
            <th scope="col">{t('adjust.col.why')}</th>
            <th scope="col" className="number">{t('adjust.col.corrected')}</th>
            <th scope="col" className="number">{t('adjust.col.granted')}</th>
            <th scope="col" className="number">{t('adjust.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{formatPeriod(invoice.period, i18n.language)}</td>
            <td>{t('adjust.own')}</td>
            <td className="number" />
            <td className="number" />
            <td className="number"><Money value={invoice.baseAmount} /></td>
          </tr>
          {invoice.adjustments.map((line) => (
            <tr key={line.id}>
              <td>
                <Link to={`/invoices/${line.sourceInvoiceId}`}>{formatPeriod(line.period, i18n.language)}</Link>
                {line.kind === 'correction' && (
                  <div>
                    <button
                      type="button"
                      className="link small-text"
                      onClick={() => setExplained(explained === line.id ? null : line.id)}
                      aria-expanded={explained === line.id}
                      aria-label={t('adjust.explain', { period: formatPeriod(line.period, i18n.language) })}
                    >
                      {t('adjust.explainShort')}
                    </button>
                  </div>
                )}
              </td>
              <td>{line.kind === 'carried' ? t('adjust.carried', { id: line.sourceInvoiceId }) : <Reasons corrections={line.corrections} />}</td>
              <td className="number"><Money value={line.correctedAmount} /></td>
              <td className="number"><Money value={line.grantedAmount} /></td>
              <td className="number"><Money value={line.amount} signed /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>{t('adjust.total')}</th>
            <td className="number"><Money value={invoice.amount} /></td>
          </tr>
          {negative && (
            <tr>
              <th scope="row" colSpan={4}>{t('adjust.carriedForward')}</th>
              <td className="number"><Money value={invoice.carriedForward} /></td>
            </tr>
          )}
        </tfoot>
      </table>
      </div>
      {explained !== null && <AdjustmentProvenance programmeId={programmeId} invoiceId={invoice.id} line={invoice.adjustments.find((line) => line.id === explained)!} />}
    </section>
  );
}

function Reasons({ corrections }: { corrections: readonly Correction[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reasons">
      {corrections.map((correction) => (
        <li key={correction.id}>
          {correction.reason} <span className="muted small-text">{t('adjust.by', { name: correction.createdByName ?? '—', id: correction.id })}</span>
        </li>
      ))}
    </ul>
  );
}

function AdjustmentProvenance({ programmeId, invoiceId, line }: { programmeId: string; invoiceId: number; line: Adjustment }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="adjustment-provenance">
      <h3>{t('adjust.provenance', { period: formatPeriod(line.period, i18n.language) })}</h3>
      <ProvenanceView programmeId={programmeId} invoiceId={invoiceId} adjustmentId={line.id} />
    </div>
  );
}
