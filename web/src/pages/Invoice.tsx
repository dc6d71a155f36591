import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import { FacilityPayments } from '../money/FacilityPayments.tsx';
import { CorrectionForm } from '../money/CorrectionForm.tsx';
import { CorrectionList } from '../money/CorrectionList.tsx';
import { InvoiceAdjustments } from '../money/InvoiceAdjustments.tsx';
import { InvoiceApproval } from '../money/InvoiceApproval.tsx';
import { InvoiceRejection } from '../money/InvoiceRejection.tsx';
import { InvoicePayments } from '../money/InvoicePayments.tsx';
import { InvoicePenalties } from '../money/InvoicePenalties.tsx';
import { InvoiceValues } from '../money/InvoiceValues.tsx';
import { Money, PaymentName } from '../money/Money.tsx';
import { useVersions } from '../money/programme.ts';
import { ProvenanceView } from '../money/ProvenanceTree.tsx';
import type { InvoiceDetail } from '../money/records.ts';
import { useUnitNames } from '../money/unitNames.ts';

/**
 * One invoice: the facility, period, payment and amount, the rules version used, the
 * adjustment lines of earlier periods it carries, the corrections recorded on its own period
 * after approval, the lines it lost to penalties, every value computed, and the provenance of the amount or of any value
 * chosen (`?name=&period=`).
 */
export function Invoice() {
  const { t } = useTranslation();
  const { programmeId } = useSession();
  const { invoiceId } = useParams();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  return <InvoiceScreen key={invoiceId} programmeId={programmeId} invoiceId={Number(invoiceId)} />;
}

function InvoiceScreen({ programmeId, invoiceId }: { programmeId: string; invoiceId: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const invoice = useQuery({
    queryKey: ['invoices', programmeId, 'detail', invoiceId],
    queryFn: () => api.get<InvoiceDetail>(`/api/programmes/${programmeId}/invoices/${invoiceId}`),
  });
  const names = useUnitNames(programmeId, invoice.data ? [invoice.data.orgUnitId] : []);
  if (invoice.isPending) return <Loading />;
  if (invoice.error) return <ErrorMessage error={invoice.error} onRetry={() => invoice.refetch()} />;
  const data = invoice.data;
  const name = params.get('name');
  const period = params.get('period');
  const selected = name && period ? { name, period } : null;
  const facility = names.get(data.orgUnitId) ?? data.orgUnitId;
  const explainLoss = (value: string, at: string) => {
    setParams({ name: value, period: at });
    document.getElementById('provenance-title')?.scrollIntoView();
  };
  return (
    <section className="money invoice">
      <p>
        <Link to="/invoices">{t('money.invoice.back')}</Link>
      </p>
      <h1>{t('money.invoice.title', { id: data.id, unit: facility })}</h1>
      <InvoiceFacts programmeId={programmeId} invoice={data} facility={facility} />
      <InvoiceApproval programmeId={programmeId} invoice={data} facility={facility} />
      <InvoiceRejection programmeId={programmeId} invoice={data} />
      <CorrectionForm programmeId={programmeId} invoice={data} />
      <InvoiceAdjustments programmeId={programmeId} invoice={data} />
      <CorrectionList programmeId={programmeId} orgUnitId={data.orgUnitId} period={data.period} />
      <InvoicePenalties penalties={data.penalties} onExplain={explainLoss} />
      <div className="invoice-body">
        <section aria-labelledby="provenance-title" className="card">
          <h2 id="provenance-title">{selected ? t('money.provenance.titleOf', { name: selected.name }) : t('money.provenance.title')}</h2>
          {selected && (
            <button type="button" className="link" onClick={() => setParams({})}>
              {t('money.provenance.backToAmount')}
            </button>
          )}
          <ProvenanceView programmeId={programmeId} invoiceId={data.id} name={selected?.name} period={selected?.period} />
        </section>
        <section aria-labelledby="values-title" className="card">
          <h2 id="values-title">{t('money.values.title', { count: data.values.length })}</h2>
          <InvoiceValues values={data.values} selected={selected} onExplain={(value, at) => setParams({ name: value, period: at })} />
        </section>
      </div>
      <section aria-labelledby="paid-title">
        <h2 id="paid-title">{t('money.invoice.payments')}</h2>
        <InvoicePayments programmeId={programmeId} invoiceId={data.id} />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('money.facility.title', { unit: facility })}</h2>
        <FacilityPayments orgUnitId={data.orgUnitId} />
      </section>
    </section>
  );
}

function InvoiceFacts({ programmeId, invoice, facility }: { programmeId: string; invoice: InvoiceDetail; facility: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const versions = useVersions(programmeId);
  const version = versions.data?.items.find((item) => item.version === invoice.programmeVersion);
  return (
    <dl className="facts card">
      <div>
        <dt>{t('money.col.facility')}</dt>
        <dd>
          {facility} <span className="muted code">{invoice.orgUnitId}</span>
        </dd>
      </div>
      <div>
        <dt>{t('money.col.period')}</dt>
        <dd>{formatPeriod(invoice.period, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('money.col.payment')}</dt>
        <dd>
          <PaymentName code={invoice.payment} />
        </dd>
      </div>
      <div>
        <dt>{t('money.col.amount')}</dt>
        <dd className="amount">
          <Money value={invoice.amount} />
        </dd>
      </div>
      <div>
        <dt>{t('money.col.status')}</dt>
        <dd>
          <span className={`badge status-${invoice.status}`}>{t(`money.status.${invoice.status}`)}</span>
          {invoice.supersededBy !== null && <span className="badge warn">{t('money.invoice.replaced', { run: invoice.supersededBy })}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('money.col.version')}</dt>
        <dd>
          {version
            ? t('money.invoice.version', { version: version.version, from: formatPeriod(version.effectiveFrom, i18n.language) })
            : invoice.programmeVersion}
        </dd>
      </div>
      <div>
        <dt>{t('money.col.run')}</dt>
        <dd>
          <Link to={`/invoices?run=${invoice.runId}`}>{t('money.runs.open', { id: invoice.runId })}</Link>
        </dd>
      </div>
      <div>
        <dt>{t('money.col.preparedBy')}</dt>
        <dd>{invoice.preparedBy === me?.userId ? t('money.preparedBy.you') : t('money.preparedBy.other')}</dd>
      </div>
      {invoice.approvedAt && (
        <div>
          <dt>{t('money.invoice.approvedAt')}</dt>
          <dd>
            {formatDateTime(invoice.approvedAt, i18n.language)} ({invoice.approvedBy === me?.userId ? t('money.preparedBy.you') : t('money.preparedBy.other')})
          </dd>
        </div>
      )}
    </dl>
  );
}
