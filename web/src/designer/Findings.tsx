import { useTranslation } from 'react-i18next';
import type { Finding } from './findings.ts';

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
