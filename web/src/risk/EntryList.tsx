import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/Status.tsx';
import { useDebounced } from '../designer/useDebounced.ts';
import { formatNumber } from '../i18n/format.ts';
import { EntryRow } from './EntryRow.tsx';
import { useEntryPages, type EntryFilter } from './queries.ts';
import { RISK_CLASSES, type Draw, type DrawEntry, type RiskClass } from './types.ts';

/** Entries fetched per request: a few screens of rows, each with its reasons. */
const PAGE_SIZE = 200;
/** A row's usual height: a name and its code on two lines. */
const ROW_HEIGHT = 56;
const SEARCH_DELAY_MS = 300;

/** The facilities of a draw, filtered by class, drawn or not, and name. */
export function EntryList({ programmeId, draw }: { programmeId: string; draw: Draw }) {
  const { t } = useTranslation();
  const [riskClass, setRiskClass] = useState<RiskClass | ''>('');
  const [drawn, setDrawn] = useState<'' | 'true' | 'false'>('');
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const filter = useMemo<EntryFilter>(
    () => ({ riskClass: riskClass || undefined, drawn: drawn === '' ? undefined : drawn === 'true', search: settled || undefined }),
    [riskClass, drawn, settled],
  );

  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{t('risk.list.title')}</h2>
      <div className="inline-form filters">
        <label className="inline">
          {t('risk.filter.class')}
          <select value={riskClass} onChange={(e) => setRiskClass(e.target.value as RiskClass | '')}>
            <option value="">{t('risk.filter.all')}</option>
            {RISK_CLASSES.map((value) => (
              <option key={value} value={value}>
                {t(`risk.class.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('risk.filter.drawn')}
          <select value={drawn} onChange={(e) => setDrawn(e.target.value as '' | 'true' | 'false')}>
            <option value="">{t('risk.filter.all')}</option>
            <option value="true">{t('risk.filter.drawnOnly')}</option>
            <option value="false">{t('risk.filter.notDrawnOnly')}</option>
          </select>
        </label>
        <label className="inline">
          {t('risk.filter.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      {/* A new filter is a new list: scrolled to the top, nothing left expanded. */}
      <VirtualEntries key={JSON.stringify(filter)} programmeId={programmeId} draw={draw} filter={filter} />
    </section>
  );
}

/**
 * Only the rows in view are in the page, and only their pages of entries are fetched: a
 * national draw of 20,000 facilities scrolls as smoothly as a district's.
 */
function VirtualEntries({ programmeId, draw, filter }: { programmeId: string; draw: Draw; filter: EntryFilter }) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<readonly number[]>([0]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const results = useEntryPages(programmeId, draw.id, filter, PAGE_SIZE, pages);
  const first = results[0];
  const total = first?.data?.entries.total ?? 0;
  const loaded = new Map<number, readonly DrawEntry[]>();
  pages.forEach((page, i) => {
    const items = results[i]?.data?.entries.items;
    if (items) loaded.set(page, items);
  });

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const wanted = [...new Set([0, ...rows.map((row) => Math.floor(row.index / PAGE_SIZE))])].sort((a, b) => a - b).join(',');
  useEffect(() => {
    setPages((current) => (current.join(',') === wanted ? current : wanted.split(',').map(Number)));
  }, [wanted]);

  const failed = results.find((result) => result.error);
  if (failed) return <ErrorMessage error={failed.error} onRetry={() => failed.refetch()} />;
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <>
      <p role="status" className="muted">
        {first?.isPending ? t('common.loading') : t('risk.list.count', { shown: formatNumber(total, i18n.language) })}
      </p>
      <div className="entries" role="table" aria-label={t('risk.list.title')} aria-rowcount={total + 1}>
        <div className="entry-row entry-head" role="row" aria-rowindex={1}>
          {(['facility', 'class', 'score', 'probability', 'drawn', 'rate', 'why'] as const).map((column) => (
            <span key={column} role="columnheader">
              {t(`risk.col.${column}`)}
            </span>
          ))}
        </div>
        <div ref={scroller} className="entries-scroll" role="rowgroup">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="none">
            {rows.map((row) => {
              const entry = loaded.get(Math.floor(row.index / PAGE_SIZE))?.[row.index % PAGE_SIZE];
              return (
                <div
                  key={row.key}
                  role="none"
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  className="entry-slot"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {entry ? (
                    <EntryRow entry={entry} index={row.index} expanded={expanded.has(entry.orgUnitId)} onToggle={() => toggle(entry.orgUnitId)} />
                  ) : (
                    <div className="entry-row" role="row" aria-rowindex={row.index + 2}>
                      <span role="cell" className="muted">
                        {t('common.loading')}
                      </span>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {!first?.isPending && total === 0 && <p>{t('common.none')}</p>}
    </>
  );
}
