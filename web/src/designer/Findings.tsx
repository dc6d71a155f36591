import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './draft.ts';
import type { Finding } from './findings.ts';
import { placeSegments, type PlaceWords } from './places.ts';

/** The words of a finding's place, in the reader's language. */
export function usePlaceWords(): PlaceWords {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      row: (row) => t('designer.rowN', { row }),
      field: (name) => (i18n.exists(`designer.field.${name}`) ? t(`designer.field.${name}`) : undefined),
      table: (table) => t('designer.table', { name: table.name || table.outputs.join(', ') }),
    }),
    [t, i18n],
  );
}

/** A place in words: `Quantity · Assisted delivery · tariff`; `within` drops the part the list is shown in. */
export function usePlace(draft: Draft, within = false): (finding: Finding) => string {
  const words = usePlaceWords();
  return (finding) => placeSegments(finding.path, draft, words).slice(within ? 1 : 0).join(' · ');
}

/** Findings anywhere in the programme, each with its place: what a removal would cause. */
export function FindingList({ findings, draft }: { findings: readonly Finding[]; draft: Draft }) {
  return <Findings findings={findings} place={usePlace(draft)} />;
}

/** The formula as checked, the part at fault marked (a caret at the end when it is missing). */
export function Excerpt({ formula, span }: { formula: string; span: { start: number; end: number } }) {
  const start = Math.min(span.start, formula.length);
  const end = Math.max(start, Math.min(span.end, formula.length));
  return (
    <code className="excerpt">
      {formula.slice(0, start)}
      <mark>{end > start ? formula.slice(start, end) : '\u2002'}</mark>
      {formula.slice(end)}
    </code>
  );
}

/**
 * The errors shown at one place of the screen: message, hint, the formula with the faulty
 * part marked; `place` names where in the part it is (a row, a cell) when that helps.
 */
export function Findings({ id, findings, place }: { id?: string; findings: readonly Finding[] | undefined; place?: (finding: Finding) => string | undefined }) {
  const { t } = useTranslation();
  if (!findings || findings.length === 0) return null;
  return (
    <ul className="findings" id={id}>
      {findings.map((finding, i) => {
        const where = place?.(finding);
        return (
          <li key={`${finding.origin}-${finding.code}-${finding.at}-${i}`} className="finding" data-code={finding.code}>
            {finding.origin === 'server' && <span className="badge">{t('designer.check.server')}</span>}
            {where && <span className="finding-place">{where} · </span>}
            <span className="finding-message">{finding.message}</span>
            {finding.hint && <span className="finding-hint"> — {finding.hint}</span>}
            {finding.formula !== undefined && finding.span && (
              <div>
                <Excerpt formula={finding.formula} span={finding.span} />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
