import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import type { DrawEntry, Gap, Measure } from './types.ts';

const MEASURES: readonly Measure[] = ['declaredVerified', 'verifiedValidated'];
const MEASURE_LABEL = { declaredVerified: 'risk.reason.dv', verifiedValidated: 'risk.reason.vv' } as const;

/**
 * Why a facility is in its class, from the figures the draw kept: the rule and the threshold
 * it crossed, the two average gaps and which one is the score, each month of the window with
 * its gaps (or why it has none), the validation rate, and an always-drawn group.
 */
export function Reasons({ entry, id }: { entry: DrawEntry; id?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const reasons = entry.reasons;
  const percent = (ratio: number | null) => (ratio === null ? '—' : formatPercent(ratio, locale));
  const number = (value: number) => formatNumber(value, locale, 4);
  const { moderate, high } = reasons.thresholds;
  const window = { months: reasons.window.length, from: formatPeriod(reasons.window[0] ?? '', locale), to: formatPeriod(reasons.window.at(-1) ?? '', locale) };
  const byMonth = new Map(reasons.periods.map((period) => [period.period, period]));
  const estimated = new Set(reasons.notVerified);
  const gap = (value: Gap | null) =>
    value
      ? t('risk.reason.gap', { gap: percent(value.gap), difference: number(value.difference), base: number(value.base), activities: value.activities })
      : t('risk.reason.noGap');

  return (
    <div className="reasons" id={id}>
      <p className="reason-rule">
        {t(`risk.reason.${reasons.rule}`, { score: percent(reasons.score), moderate: percent(moderate), high: percent(high), ...window })}
      </p>
      {reasons.score !== null && (
        <p>{t('risk.reason.score', { declaredVerified: percent(reasons.average.declaredVerified), verifiedValidated: percent(reasons.average.verifiedValidated) })}</p>
      )}
      {reasons.alwaysDrawn && <p>{t('risk.reason.alwaysDrawn', reasons.alwaysDrawn)}</p>}
      <p>{t(entry.drawn ? 'risk.reason.drawn' : 'risk.reason.notDrawn', { probability: percent(entry.probability) })}</p>
      <p>
        {reasons.validation.computed
          ? t('risk.reason.rate', { rate: percent(reasons.validation.rate), validated: number(reasons.validation.validated), declared: number(reasons.validation.declared) })
          : t('risk.reason.noRate')}
      </p>
      {reasons.notVerified.length > 0 && (
        <p>{t('risk.reason.notVerified', { months: reasons.notVerified.map((month) => formatPeriod(month, locale)).join(', ') })}</p>
      )}
      <div className="scroll-x">
        <table className="list compact">
          <caption>{t('risk.reason.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.reason.month')}</th>
              {MEASURES.map((measure) => (
                <th scope="col" key={measure}>
                  {t(MEASURE_LABEL[measure])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reasons.window.map((month) => {
              const figures = byMonth.get(month);
              return (
                <tr key={month}>
                  <th scope="row">{formatPeriod(month, locale)}</th>
                  {estimated.has(month) || !figures ? (
                    <td colSpan={2} className="muted">
                      {t(estimated.has(month) ? 'risk.reason.estimated' : 'risk.reason.noData')}
                    </td>
                  ) : (
                    MEASURES.map((measure) => (
                      <td key={measure} className={figures[measure] ? undefined : 'muted'}>
                        {gap(figures[measure])}
                      </td>
                    ))
                  )}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('risk.reason.average')}</th>
              {MEASURES.map((measure) => (
                <td key={measure}>
                  {measure === reasons.measure ? <strong>{t('risk.reason.theScore', { value: percent(reasons.average[measure]) })}</strong> : percent(reasons.average[measure])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
