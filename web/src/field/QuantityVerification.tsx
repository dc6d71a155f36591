import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../i18n/format.ts';
import { currentValue } from './cells.ts';
import { lossesOf } from './compute.ts';
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
 * own formulas in the browser. `period` is the package's workflow period, the one computed.
 */
export function QuantityVerification({ visit, pkg, sheet, period }: { visit: Visit; pkg: Package; sheet: EntrySheet; period: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const currency = visit.rules.program?.currency ?? 'BIF';
  const tolerance = useMemo(() => toleranceOf(pkg), [pkg]);
  const amountFormula = useMemo(() => amountFormulaOf(pkg), [pkg]);
  const figures = 'figures' in sheet.computed ? sheet.computed.figures : undefined;
  const losses = useMemo(
    () => (amountFormula ? lossesOf(visit.rules, pkg, period, sheet.entries, amountFormula, locale) : undefined),
    [amountFormula, visit.rules, pkg, period, sheet.entries, locale],
  );

  const lines: Line[] = pkg.activities.map((activity) => {
    const declared = currentValue(sheet.cell(activity.code, 'declared'));
    const verified = currentValue(sheet.cell(activity.code, 'verified'));
    const fromEngine = tolerance.gapFormula ? figures?.activity(activity.code, tolerance.gapFormula) : undefined;
    const gap = verified === undefined ? undefined : (fromEngine ?? discrepancy(declared ?? 0, verified));
    const line = losses?.get(activity.code);
    return {
      code: activity.code,
      name: activity.name ?? activity.code,
      declared,
      verified,
      gap,
      out: gap !== undefined && beyond(gap, tolerance),
      tariff: figures?.activity(activity.code, 'tariff'),
      amount: verified === undefined ? undefined : line?.amount,
      loss: verified === undefined ? undefined : line?.loss,
    };
  });
  const money = (value: number | undefined) => (value === undefined ? '—' : formatMoney(value, currency, locale));
  const totalAmount = lines.reduce((sum, line) => sum + (line.amount ?? 0), 0);
  const totalLoss = lines.reduce((sum, line) => sum + Math.max(0, line.loss ?? 0), 0);
  const outCount = lines.filter((line) => line.out).length;
  const grid = `verify-${pkg.code}`;

  return (
    <div className="verification">
      <ToleranceRule tolerance={tolerance} />
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
        {amountFormula
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
