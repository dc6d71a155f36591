import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { penaltyLines, penaltyTotals, type PenaltyLine } from '../../../src/domain/penalties/penaltyLines.ts';
import { formatMoney, formatNumber, formatPercent } from '../i18n/format.ts';
import { currentValue } from './cells.ts';
import { lossesOf, type Figures } from './compute.ts';
import { amountFormulaOf, beyond, discrepancy, toleranceOf, type Package, type Tolerance } from './rules.ts';
import type { EntrySheet } from './useEntrySheet.ts';
import type { Visit } from './useVisit.ts';
import { ValueInput } from './ValueInput.tsx';
import { stateLabel } from './labels.ts';
import { EngineErrors } from './ScoreSummary.tsx';

interface Line {
  readonly code: string;
  readonly name: string;
  readonly declared?: number | undefined;
  readonly verified?: number | undefined;
  readonly gap?: number | undefined;
  readonly out: boolean;
  readonly tariff?: number | undefined;
  readonly amount?: number | undefined;
  readonly loss?: number | undefined;
}

/**
 * Declared next to verified, line by line: the discrepancy against the programme's tolerance
 * and, before anything is saved, what each line beyond it costs — computed by the programme's
 * own formulas in the browser. Where the package declares its penalties, the breach and the
 * loss are the values of the formulas it names; otherwise they are read from the formulas'
 * shape. `period` is the package's workflow period, the one computed.
 */
export function QuantityVerification({ visit, pkg, sheet, period }: { visit: Visit; pkg: Package; sheet: EntrySheet; period: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const currency = visit.rules.program?.currency ?? 'BIF';
  const tolerance = useMemo(() => toleranceOf(pkg), [pkg]);
  const amountFormula = useMemo(() => amountFormulaOf(pkg), [pkg]);
  const figures = 'figures' in sheet.computed ? sheet.computed.figures : undefined;
  const declared = useMemo(() => declaredPenalties(pkg, figures), [pkg, figures]);
  const losses = useMemo(
    () => (!declared && amountFormula ? lossesOf(visit.rules, pkg, period, sheet.entries, amountFormula, locale) : undefined),
    [declared, amountFormula, visit.rules, pkg, period, sheet.entries, locale],
  );

  const lines: Line[] = pkg.activities.map((activity) => {
    const declaredValue = currentValue(sheet.cell(activity.code, 'declared'));
    const verified = currentValue(sheet.cell(activity.code, 'verified'));
    const penalty = declared?.get(activity.code);
    const fromEngine = penalty?.gap ?? (tolerance.gapFormula ? figures?.activity(activity.code, tolerance.gapFormula) : undefined);
    const gap = verified === undefined ? undefined : (fromEngine ?? discrepancy(declaredValue ?? 0, verified));
    const loss = penalty ? Number(penalty.lost) : losses?.get(activity.code)?.loss;
    return {
      code: activity.code,
      name: activity.name ?? activity.code,
      declared: declaredValue,
      verified,
      gap,
      out: verified !== undefined && (penalty ? penalty.breach : gap !== undefined && beyond(gap, tolerance)),
      tariff: figures?.activity(activity.code, 'tariff'),
      amount: verified === undefined || !amountFormula ? undefined : figures?.activity(activity.code, amountFormula),
      loss: verified === undefined ? undefined : loss,
    };
  });
  const money = (value: number | undefined) => (value === undefined ? '—' : formatMoney(value, currency, locale));
  const totalAmount = lines.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  // Declared penalties add up exactly, over the lines verified so far.
  const verifiedPenalties = lines.flatMap((line) => {
    const penalty = line.verified === undefined ? undefined : declared?.get(line.code);
    return penalty ? [penalty] : [];
  });
  const totalLoss = declared ? Number(penaltyTotals(verifiedPenalties).lost) : lines.reduce((sum, line) => sum + Math.max(0, line.loss ?? 0), 0);
  const outCount = lines.filter((line) => line.out).length;
  const grid = `verify-${pkg.code}`;

  return (
    <div className="verification">
      {pkg.penalties ? <PenaltyRule pkg={pkg} lines={declared} /> : <ToleranceRule tolerance={tolerance} />}
      <div className="scroll-x">
        <table className="list grid field-grid">
          <thead>
            <tr>
              <th scope="col">{t('field.activity')}</th>
              <th scope="col" className="number">{stateLabel(t, i18n, 'declared')}</th>
              <th scope="col" className="number">{stateLabel(t, i18n, 'verified')}</th>
              <th scope="col" className="number">{t('field.discrepancy')}</th>
              <th scope="col" className="number">{t('field.amount')}</th>
              <th scope="col" className="number">{t('field.loss')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, row) => (
              <tr key={line.code} className={line.out ? 'beyond' : undefined} data-activity={line.code}>
                <th scope="row">
                  {line.name}
                  <div className="muted small-text">
                    <span className="code">{line.code}</span>
                    {line.tariff !== undefined && <> · {t('field.tariffOf', { tariff: money(line.tariff) })}</>}
                  </div>
                </th>
                <td className="number">{line.declared === undefined ? <span className="muted">{t('field.notDeclared')}</span> : formatNumber(line.declared, locale, 4)}</td>
                <td className="number">
                  <ValueInput sheet={sheet} grid={grid} row={row} activity={line.code} state="verified" label={t('field.cellLabel', { state: stateLabel(t, i18n, 'verified'), activity: line.name })} />
                </td>
                <td className="number">
                  {line.gap === undefined ? '—' : formatPercent(line.gap, locale)}
                  {line.out && <span className="badge warn">{t('field.beyond')}</span>}
                </td>
                <td className="number">{money(line.amount)}</td>
                <td className={line.loss ? 'number bad' : 'number'}>{line.loss ? money(line.loss) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('field.totals')}
              </th>
              <td className="number">{money(totalAmount)}</td>
              <td className={totalLoss > 0 ? 'number bad' : 'number'}>{totalLoss > 0 ? money(totalLoss) : '—'}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className={totalLoss > 0 ? 'loss-summary bad' : 'loss-summary'} role="status" aria-live="polite">
        {lines.every((line) => line.verified === undefined)
          ? t('field.lossPending')
          : totalLoss > 0
            ? t('field.lossTotal', { amount: money(totalLoss), count: outCount, paid: money(totalAmount) })
            : t('field.lossNone', { paid: money(totalAmount) })}
      </div>
      <p className="muted small-text">
        {pkg.penalties
          ? t('penalty.how', { version: visit.version.version })
          : amountFormula
            ? t('field.lossHow', { version: visit.version.version, formula: `${amountFormula} = ${pkg.activityFormulas[amountFormula]}` })
            : t('field.lossUnknown')}
      </p>
      <EngineErrors errors={'errors' in sheet.computed ? sheet.computed.errors : sheet.computed.figures.errors} />
    </div>
  );
}

function ToleranceRule({ tolerance }: { tolerance: Tolerance }) {
  const { t, i18n } = useTranslation();
  const threshold = formatPercent(tolerance.threshold, i18n.language);
  return (
    <p className="rule">
      {tolerance.source
        ? t('field.toleranceRule', { threshold, name: tolerance.source.name, formula: tolerance.source.formula })
        : t('field.toleranceDefault', { threshold })}
    </p>
  );
}

/** The lines of a package declaring its penalties, by activity; undefined for one that declares none. */
function declaredPenalties(pkg: Package, figures: Figures | undefined): ReadonlyMap<string, PenaltyLine> | undefined {
  if (!pkg.penalties || !figures) return undefined;
  return new Map(penaltyLines(pkg, figures.activity).map((line) => [line.activity, line]));
}

/** The declared penalty in the programme's words: its formulas, and the tolerance when every line has the same. */
function PenaltyRule({ pkg, lines }: { pkg: Package; lines: ReadonlyMap<string, PenaltyLine> | undefined }) {
  const { t, i18n } = useTranslation();
  const { breach, lost, tolerance } = pkg.penalties!;
  const formula = (name: string) => `${name} = ${pkg.activityFormulas[name]}`;
  const thresholds = new Set([...(lines?.values() ?? [])].map((line) => line.tolerance));
  const [threshold] = thresholds;
  const words = { breach: formula(breach), lost: formula(lost) };
  return (
    <p className="rule">
      {tolerance && thresholds.size === 1 && threshold !== null && threshold !== undefined
        ? t('penalty.ruleTolerance', { ...words, threshold: formatPercent(threshold, i18n.language), tolerance: formula(tolerance) })
        : t('penalty.rule', words)}
    </p>
  );
}
