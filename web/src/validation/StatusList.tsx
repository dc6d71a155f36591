import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { packageLabel, useSheet, type Rules, type StatusLine, type StatusQuery } from '../entry/api.ts';
import { StatusBadge } from '../entry/StatusBadge.tsx';
import { formatNumber } from '../i18n/format.ts';
import { Money } from '../money/Money.tsx';
import { entriesOf } from './committeeFigures.ts';
import { totalsOf } from './totals.ts';
import { useCommitteeFigures, useOrgUnit } from './useCommitteeFigures.ts';
import { statusPage, usePagedStatuses } from './usePagedStatuses.ts';

/** A row as tall as a long French name wrapped on two lines and its package below: few rows move once measured. */
const ROW_HEIGHT = 84;

interface StatusListProps {
  readonly programmeId: string;
  readonly params: StatusQuery;
  readonly rules: Rules | undefined;
}

/**
 * Every facility's package of a subtree for a period, virtualised, with its totals read as
 * rows come into view: the figures per state and, for a package declaring its penalties, the
 * lines beyond tolerance and what they lose — a package total would hide one line 20% out.
 */
export function StatusList({ programmeId, params, rules }: StatusListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const first = useQuery(statusPage(programmeId, params, 0));
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const paged = usePagedStatuses(
    programmeId,
    params,
    items.map((item) => item.index),
  );

  if (first.isPending) return <Loading />;
  if (first.error) return <ErrorMessage error={first.error} onRetry={() => first.refetch()} />;
  return (
    <>
      <p className="muted" role="status">
        {t('validation.count', { count: total })}
      </p>
      {paged.error && <ErrorMessage error={paged.error} onRetry={paged.refetch} />}
      {total > 0 && (
        <div className="status-list" role="table" aria-label={t('validation.listLabel')} aria-rowcount={total + 1}>
          <div role="rowgroup">
            <div role="row" className="status-row head" aria-rowindex={1}>
              <span role="columnheader">{t('validation.facility')}</span>
              <span role="columnheader">{t('validation.status')}</span>
              <span role="columnheader" className="number">{t('state.declared')}</span>
              <span role="columnheader" className="number">{t('state.verified')}</span>
              <span role="columnheader" className="number">{t('state.validated')}</span>
              <span role="columnheader" className="number">{t('penalty.list.beyond')}</span>
              <span role="columnheader" className="number">{t('penalty.lost')}</span>
            </div>
          </div>
          <div ref={scroller} className="status-scroll" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const line = paged.lineAt(item.index);
                return (
                  <div
                    key={item.key}
                    role="row"
                    className="status-row"
                    aria-rowindex={item.index + 2}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    {line ? <LineCells programmeId={programmeId} line={line} rules={rules} /> : <span role="cell">…</span>}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function LineCells({ programmeId, line, rules }: { programmeId: string; line: StatusLine; rules: Rules | undefined }) {
  const { t, i18n } = useTranslation();
  const pkg = rules?.definition.packages.find((candidate) => candidate.code === line.package);
  const sheet = useSheet(programmeId, line.orgUnit, line.period, line.package);
  const unit = useOrgUnit(programmeId, line.orgUnit);
  const entries = useMemo(() => sheet.data && entriesOf(sheet.data.values), [sheet.data]);
  const figures = useCommitteeFigures(rules?.definition, unit.data, line.package, line.period, entries);
  const totals = sheet.data && pkg ? totalsOf(sheet.data.values, pkg) : undefined;
  const show = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, i18n.language, 4));
  const pending = sheet.isPending ? t('common.loading') : undefined;
  const penalties = figures?.declared ? figures.totals : undefined;
  return (
    <>
      <span role="cell">
        <Link to={`/validation/${encodeURIComponent(line.orgUnit)}/${line.period}/${encodeURIComponent(line.package)}`}>{line.orgUnitName}</Link>
        <span className="muted small-text block">
          {packageLabel(rules, line.package)} · <span className="code">{line.orgUnit}</span>
        </span>
      </span>
      <span role="cell">
        <StatusBadge status={line.status} />
      </span>
      <span role="cell" className="number">
        {pending ?? show(totals?.declared)}
      </span>
      <span role="cell" className="number">
        {pending ?? show(totals?.verified)}
      </span>
      <span role="cell" className="number">
        {pending ?? show(totals?.validated)}
      </span>
      <span role="cell" className={penalties?.breaches ? 'number bad' : 'number'} data-cell="beyond">
        {pending ?? (penalties && totals?.verified !== undefined ? t('penalty.list.lines', { count: penalties.breaches }) : '—')}
      </span>
      <span role="cell" className={penalties?.breaches ? 'number bad' : 'number'} data-cell="lost">
        {pending ?? (penalties?.breaches ? <Money value={penalties.lost} /> : '—')}
      </span>
    </>
  );
}
