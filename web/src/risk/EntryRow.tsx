import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPercent } from '../i18n/format.ts';
import { Reasons } from './Reasons.tsx';
import type { DrawEntry } from './types.ts';

/** One facility of a draw; its reasons open below it. */
export function EntryRow({ entry, index, expanded, onToggle }: { entry: DrawEntry; index: number; expanded: boolean; onToggle: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const percent = (ratio: number | null) => (ratio === null ? '—' : formatPercent(ratio, locale));
  const reasonsId = `reasons-${entry.orgUnitId}`;
  return (
    <>
      <div className={`entry-row${entry.drawn ? ' drawn' : ''}`} role="row" aria-rowindex={index + 2} data-unit={entry.orgUnitId}>
        <span role="cell" className="entry-name">
          <Link to={`/org-units/${encodeURIComponent(entry.orgUnitId)}`}>{entry.name}</Link>
          <span className="muted">{entry.orgUnitId}</span>
        </span>
        <span role="cell">
          <span className={`risk-badge ${entry.riskClass}`}>{t(`risk.class.${entry.riskClass}`)}</span>
        </span>
        <span role="cell" className="number">
          {percent(entry.reasons.score)}
        </span>
        <span role="cell" className="number">
          {percent(entry.probability)}
        </span>
        <span role="cell" className={entry.drawn ? 'drawn-mark' : 'muted'}>
          {t(entry.drawn ? 'risk.drawn.yes' : 'risk.drawn.no')}
        </span>
        <span role="cell" className="number">
          {percent(entry.validationRate)}
        </span>
        <span role="cell">
          <button
            type="button"
            className="link"
            aria-expanded={expanded}
            aria-controls={expanded ? reasonsId : undefined}
            aria-label={t('risk.whyOf', { name: entry.name })}
            onClick={onToggle}
          >
            {t('risk.why')}
          </button>
        </span>
      </div>
      {expanded && (
        <div className="entry-row reasons-row" role="row">
          <div role="cell" aria-colspan={7}>
            <Reasons entry={entry} id={reasonsId} />
          </div>
        </div>
      )}
    </>
  );
}
