import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import type { Explanation, Provenance } from './records.ts';

/** Levels open at first: the amount, what it sums and each part's formula. */
const OPEN_DEPTH = 3;

/**
 * Why a value of an invoice is what it is, recomputed by the server from what the run
 * stored: the formula, the formula with the values it read, then each value read in turn
 * (tariff rows, entries), as a tree one opens as far as needed.
 */
export function ProvenanceView({ programmeId, invoiceId, name, period, adjustmentId }: { programmeId: string; invoiceId: number; name?: string; period?: string; adjustmentId?: number }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<{ open: boolean | null; generation: number }>({ open: null, generation: 0 });
  // An adjustment line's corrected amount: the corrected period's invoice recomputed with the corrections.
  const path = adjustmentId === undefined ? `provenance${query({ name, period })}` : `adjustments/${adjustmentId}/provenance`;
  const provenance = useQuery({
    queryKey: ['invoices', programmeId, 'provenance', invoiceId, name, period, adjustmentId],
    queryFn: () => api.get<Provenance>(`/api/programmes/${programmeId}/invoices/${invoiceId}/${path}`),
    staleTime: Infinity,
  });
  if (provenance.isPending) return <Loading />;
  if (provenance.error) return <ErrorMessage error={provenance.error} onRetry={() => provenance.refetch()} />;
  const p = provenance.data;
  return (
    <div className="provenance">
      <p className="small-text">
        {t('money.provenance.version', { version: p.programmeVersion, run: p.runId, period: formatPeriod(p.period, i18n.language) })}{' '}
        {p.identical ? (
          <span className="badge">{t('money.provenance.identical')}</span>
        ) : (
          <span className="badge warn">
            {t('money.provenance.differs', { stored: number(p.storedValue, i18n.language), recomputed: number(p.recomputedValue, i18n.language) })}
          </span>
        )}
      </p>
      <div className="actions">
        <button type="button" className="secondary small" onClick={() => setMode((m) => ({ open: true, generation: m.generation + 1 }))}>
          {t('money.provenance.expandAll')}
        </button>
        <button type="button" className="secondary small" onClick={() => setMode((m) => ({ open: false, generation: m.generation + 1 }))}>
          {t('money.provenance.collapseAll')}
        </button>
      </div>
      <ul className="tree" aria-label={t('money.provenance.tree', { name: p.name })}>
        <Node key={mode.generation} node={p.explanation} depth={0} open={mode.open} />
      </ul>
    </div>
  );
}

const number = (value: number | null, locale: string) => (value === null ? '—' : formatNumber(value, locale, 6));

function Node({ node, depth, open }: { node: Explanation; depth: number; open: boolean | null }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(open ?? depth < OPEN_DEPTH);
  const childrenId = useId();
  const hasChildren = node.reads.length > 0;
  return (
    <li className={`tree-node source-${node.source}`} data-name={node.name}>
      <div className="tree-line">
        {hasChildren ? (
          <button
            type="button"
            className="link toggle"
            aria-expanded={expanded}
            aria-controls={childrenId}
            aria-label={t(expanded ? 'money.provenance.hide' : 'money.provenance.show', { name: node.name })}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="toggle" aria-hidden="true" />
        )}
        <span className="code tree-name">{node.name}</span> = <strong className="tree-value">{number(node.value, i18n.language)}</strong>
        <span className="badge">{t(`money.source.${node.source}`)}</span>
        {node.repeated && <span className="muted small-text">{t('money.provenance.repeated')}</span>}
      </div>
      <Details node={node} />
      {hasChildren && expanded && (
        <ul id={childrenId}>
          {node.reads.map((read, index) => (
            <Node key={`${read.name}/${read.period}/${index}`} node={read} depth={depth + 1} open={open} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** What this value comes from: its formula with the values read, a table row, the entries. */
function Details({ node }: { node: Explanation }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tree-details">
      {node.formula && (
        <>
          <div className="code formula-line">{node.formula.text}</div>
          <div className="code formula-line substituted">= {node.formula.substituted}</div>
        </>
      )}
      {node.table && (
        <div className="small-text">
          {t('money.provenance.tableRow', { table: node.table.table + 1, row: node.table.row + 1 })}{' '}
          <span className="code">
            {Object.entries(node.table.cells)
              .map(([column, cell]) => `${column} = ${cell}`)
              .join(', ')}
          </span>
          {(node.table.from || node.table.to) && (
            <span className="muted">
              {' '}
              {t('money.provenance.validity', {
                from: node.table.from ? formatPeriod(node.table.from, i18n.language) : '…',
                to: node.table.to ? formatPeriod(node.table.to, i18n.language) : '…',
              })}
            </span>
          )}
        </div>
      )}
      {node.entries && (
        <div className="small-text">
          {node.entries.length === 0
            ? t('money.provenance.noEntry')
            : t('money.provenance.entries', {
                entries: node.entries
                  .map((entry) => t('money.provenance.entry', { period: formatPeriod(entry.period, i18n.language), value: formatNumber(entry.value, i18n.language, 6) }))
                  .join(', '),
              })}
        </div>
      )}
      {!node.formula && <div className="muted small-text code">{node.location}</div>}
    </div>
  );
}
