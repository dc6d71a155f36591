import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Pager } from '../components/Pager.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { VirtualRows } from '../components/VirtualRows.tsx';
import { formatDateTime, formatPeriod } from '../i18n/format.ts';
import { Money, PaymentName, UnitName } from './Money.tsx';
import { usePackageNames } from './programme.ts';
import { RunErrors } from './RunErrors.tsx';
import { RunWarnings } from './RunWarnings.tsx';
import type { DiffLine, RunDetail as Run } from './runTypes.ts';
import { useUnitNames } from './unitNames.ts';

const DIFF_LIMIT = 500;

/** One run: what it invoiced, the amounts to look at, what it left out and why, and how it differs from the run before. */
export function RunDetail({ programmeId, runId }: { programmeId: string; runId: number }) {
  const { t, i18n } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(true);
  const [offset, setOffset] = useState(0);
  const run = useQuery({
    queryKey: ['invoice-runs', programmeId, 'detail', runId, changedOnly, offset],
    queryFn: () => api.get<Run>(`/api/programmes/${programmeId}/invoice-runs/${runId}${query({ changedOnly, limit: DIFF_LIMIT, offset })}`),
    placeholderData: (previous) => (previous?.id === runId ? previous : undefined),
  });
  const names = useUnitNames(programmeId, run.data ? unitsOf(run.data) : []);
  if (run.isPending) return <Loading />;
  if (run.error) return <ErrorMessage error={run.error} onRetry={() => run.refetch()} />;
  const r = run.data;
  const errors = r.errors;
  return (
    <section className="card run-detail" aria-labelledby="run-detail-title">
      <h2 id="run-detail-title">{t('money.runs.detail', { id: r.id })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('money.col.subtree')}</dt>
          <dd>
            <UnitName id={r.rootOrgUnitId} names={names} />
          </dd>
        </div>
        <div>
          <dt>{t('money.col.period')}</dt>
          <dd>{formatPeriod(r.period, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('money.col.version')}</dt>
          <dd>{r.programmeVersion}</dd>
        </div>
        <div>
          <dt>{t('money.col.status')}</dt>
          <dd>{t(`money.runStatus.${r.status}`)}</dd>
        </div>
        <div>
          <dt>{t('money.col.invoices')}</dt>
          <dd>{r.invoiceCount}</dd>
        </div>
        <div>
          <dt>{t('money.col.total')}</dt>
          <dd>
            <Money value={r.total} />
          </dd>
        </div>
        <div>
          <dt>{t('money.col.finished')}</dt>
          <dd>{formatDateTime(r.finishedAt, i18n.language)}</dd>
        </div>
      </dl>
      <RunErrors
        programmeId={programmeId}
        errors={errors}
        caption={r.status === 'failed' ? t('money.run.errors', { count: errors.length }) : t('money.runs.warnings', { count: errors.length })}
      />
      <RunWarnings warnings={r.amountWarnings} names={names} />
      <Skipped run={r} names={names} />
      <Kept run={r} names={names} />
      {r.status === 'completed' && (
        <>
          <h3>{r.diff.previousRunId === null ? t('money.diff.first') : t('money.diff.title', { id: r.diff.previousRunId })}</h3>
          <p>
            {t('money.diff.summary', { changed: r.diff.changedCount, lines: r.diff.lineCount })} <Money value={r.diff.oldTotal} /> → <Money value={r.diff.newTotal} />
          </p>
          <label className="inline">
            <input
              type="checkbox"
              checked={changedOnly}
              onChange={(e) => {
                setOffset(0);
                setChangedOnly(e.target.checked);
              }}
            />
            {t('money.diff.changedOnly')}
          </label>
          <DiffTable lines={r.diff.lines.items} names={names} />
          <Pager total={r.diff.lines.total} limit={DIFF_LIMIT} offset={offset} onChange={setOffset} />
        </>
      )}
    </section>
  );
}

const unitsOf = (run: Run) => [
  run.rootOrgUnitId,
  ...run.skipped.map((skipped) => skipped.orgUnitId),
  ...run.kept.map((kept) => kept.orgUnitId),
  ...run.amountWarnings.items.map((warning) => warning.orgUnitId),
  ...run.diff.lines.items.map((line) => line.orgUnitId),
];

function Skipped({ run, names }: { run: Run; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const { programmeId } = useSession();
  const packages = usePackageNames(programmeId ?? '');
  if (run.skipped.length === 0) return null;
  return (
    <VirtualRows
      rows={run.skipped}
      columns={3}
      caption={t('money.skipped.caption', { count: run.skipped.length })}
      head={
        <tr>
          <th scope="col">{t('money.col.unit')}</th>
          <th scope="col">{t('money.col.payment')}</th>
          <th scope="col">{t('money.skipped.why')}</th>
        </tr>
      }
      renderRow={(skipped, index, props) => (
        <tr key={index} {...props}>
          <td>
            <UnitName id={skipped.orgUnitId} names={names} />
          </td>
          <td>
            <PaymentName code={skipped.payment} />
          </td>
          <td>
            {skipped.pending
              .map((pending) =>
                t('money.skipped.pending', { package: packages.get(pending.package) ?? pending.package, period: formatPeriod(pending.period, i18n.language), status: t(`money.periodStatus.${pending.status}`, { defaultValue: pending.status }) }),
              )
              .join(' ; ')}
          </td>
        </tr>
      )}
    />
  );
}

function Kept({ run, names }: { run: Run; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (run.kept.length === 0) return null;
  return (
    <VirtualRows
      rows={run.kept}
      columns={5}
      caption={t('money.kept.caption', { count: run.kept.length })}
      head={
        <tr>
          <th scope="col">{t('money.col.unit')}</th>
          <th scope="col">{t('money.col.payment')}</th>
          <th scope="col">{t('money.col.status')}</th>
          <th scope="col" className="number">{t('money.kept.amount')}</th>
          <th scope="col" className="number">{t('money.kept.computed')}</th>
        </tr>
      }
      renderRow={(kept, _index, props) => (
        <tr key={kept.invoiceId} {...props}>
          <td>
            <UnitName id={kept.orgUnitId} names={names} />
          </td>
          <td>
            <PaymentName code={kept.payment} />
          </td>
          <td>{t(`money.status.${kept.status}`, { defaultValue: kept.status })}</td>
          <td className="number">
            <Money value={kept.amount} />
          </td>
          <td className="number">
            <Money value={kept.computedAmount} />
          </td>
        </tr>
      )}
    />
  );
}

function DiffTable({ lines, names }: { lines: readonly DiffLine[]; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="muted">{t('money.diff.none')}</p>;
  return (
    <VirtualRows
      rows={lines}
      columns={5}
      caption={<span className="visually-hidden">{t('money.diff.caption')}</span>}
      head={
        <tr>
          <th scope="col">{t('money.col.unit')}</th>
          <th scope="col">{t('money.col.payment')}</th>
          <th scope="col" className="number">{t('money.diff.old')}</th>
          <th scope="col" className="number">{t('money.diff.new')}</th>
          <th scope="col" className="number">{t('money.diff.delta')}</th>
        </tr>
      }
      renderRow={(line, _index, props) => (
        <tr key={`${line.orgUnitId}/${line.payment}`} {...props}>
          <td>
            <UnitName id={line.orgUnitId} names={names} />
          </td>
          <td>
            <PaymentName code={line.payment} />
          </td>
          <td className="number">
            <Money value={line.oldAmount} />
          </td>
          <td className="number">
            <Money value={line.newAmount} />
          </td>
          <td className={Number(line.delta) < 0 ? 'number bad' : 'number'}>
            <Money value={line.delta} signed />
          </td>
        </tr>
      )}
    />
  );
}
