import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { InvoiceList } from '../money/InvoiceList.tsx';
import { useRoleRoot } from '../money/programme.ts';
import { RunDetail } from '../money/RunDetail.tsx';
import { RunHistory } from '../money/RunHistory.tsx';
import { RunPanel } from '../money/RunPanel.tsx';
import { ScopeForm } from '../money/ScopeForm.tsx';
import { useParam, useScope } from '../money/scope.ts';

/**
 * Invoices of a subtree and period: the committee runs them and approves them (not the
 * ones it prepared); every role reads them, within its subtrees.
 */
export function Invoices() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  const root = useRoleRoot('validator');
  const [scope, setScope] = useScope({ unit: root ?? '', period: '' });
  const [run, setRun] = useParam('run');
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  return (
    <section className="money">
      <h1>{t('money.invoices.heading')}</h1>
      <ScopeForm key={`scope:${scope.unit}/${scope.period}`} programmeId={programmeId} scope={scope} onChange={setScope} />
      {capability('invoice.prepare').somewhere && <RunPanel programmeId={programmeId} unit={scope.unit} period={scope.period} onRun={(id) => setRun(String(id))} />}
      {run && <RunDetail key={`run:${run}`} programmeId={programmeId} runId={Number(run)} />}
      <InvoiceList key={`list:${scope.unit}/${scope.period}`} programmeId={programmeId} unit={scope.unit} period={scope.period} />
      <RunHistory programmeId={programmeId} unit={scope.unit} period={scope.period} selected={run ? Number(run) : null} onSelect={(id) => setRun(String(id))} />
    </section>
  );
}
