import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import { Money, UnitName } from './Money.tsx';
import type { RunPage } from './runTypes.ts';
import { useUnitNames } from './unitNames.ts';

const LIMIT = 10;

/** Runs over the subtree shown (and its parts), newest first; one can be opened. */
export function RunHistory({
  programmeId,
  unit,
  period,
  selected,
  onSelect,
}: {
  programmeId: string;
  unit: string;
  period: string;
  selected: number | null;
  onSelect: (runId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const runs = useQuery({
    queryKey: ['invoice-runs', programmeId, unit, period, offset],
    queryFn: () => api.get<RunPage>(`/api/programmes/${programmeId}/invoice-runs${query({ orgUnitId: unit, period, limit: LIMIT, offset })}`),
  });
  const names = useUnitNames(programmeId, runs.data?.items.map((run) => run.rootOrgUnitId) ?? []);
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title">{t('money.runs.title')}</h2>
      {runs.isPending && <Loading />}
      {runs.error && <ErrorMessage error={runs.error} onRetry={() => runs.refetch()} />}
      {runs.data && runs.data.total === 0 && <p className="muted">{t('money.runs.none')}</p>}
      {runs.data && runs.data.total > 0 && (
        <div className="scroll-x">
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t('money.col.run')}</th>
                <th scope="col">{t('money.col.subtree')}</th>
                <th scope="col">{t('money.col.period')}</th>
                <th scope="col">{t('money.col.version')}</th>
                <th scope="col">{t('money.col.status')}</th>
                <th scope="col" className="number">{t('money.col.invoices')}</th>
                <th scope="col" className="number">{t('money.col.total')}</th>
                <th scope="col" className="number">{t('money.col.skipped')}</th>
                <th scope="col">{t('money.col.started')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map((run) => (
                <tr key={run.id} className={run.id === selected ? 'selected' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" aria-pressed={run.id === selected} onClick={() => onSelect(run.id)}>
                      {t('money.runs.open', { id: run.id })}
                    </button>
                  </th>
                  <td>
                    <UnitName id={run.rootOrgUnitId} names={names} />
                  </td>
                  <td>{formatPeriod(run.period, i18n.language)}</td>
                  <td className="number">{run.programmeVersion}</td>
                  <td>
                    <span className={run.status === 'failed' ? 'badge warn' : 'badge'}>{t(`money.runStatus.${run.status}`)}</span>
                  </td>
                  <td className="number">{run.invoiceCount}</td>
                  <td className="number">
                    <Money value={run.total} />
                  </td>
                  <td className="number">{run.skippedCount}</td>
                  <td>{formatDateTime(run.startedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runs.data && <Pager total={runs.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />}
    </section>
  );
}
