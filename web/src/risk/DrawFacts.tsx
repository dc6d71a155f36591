import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatPercent, formatPeriod } from '../i18n/format.ts';
import { RISK_CLASSES, type Draw } from './types.ts';

/** What a draw is: its seed and resolved parameters (enough to replay it), its state, and its counts per class. */
export function DrawFacts({ draw }: { draw: Draw }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const { parameters, counts } = draw;
  const percent = (ratio: number) => formatPercent(ratio, locale);
  const always = Object.entries(parameters.alwaysDraw).map(([groupset, groups]) => `${groupset}: ${groups.join(', ')}`);
  const status = draw.replacedAt
    ? t('risk.status.replaced', { by: draw.replacedBy, date: formatDateTime(draw.replacedAt, locale) })
    : draw.appliedAt
      ? t('risk.status.applied', { date: formatDateTime(draw.appliedAt, locale) })
      : t('risk.status.current');

  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('risk.facts.status')}</dt>
          <dd>{status}</dd>
        </div>
        <div>
          <dt>{t('risk.facts.createdAt')}</dt>
          <dd>{formatDateTime(draw.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t('risk.facts.seed')}</dt>
          <dd className="code">{draw.seed}</dd>
        </div>
        <div>
          <dt>{t('risk.facts.window')}</dt>
          <dd>
            {t('risk.facts.windowValue', {
              months: parameters.historyMonths,
              from: formatPeriod(parameters.window[0] ?? '', locale),
              to: formatPeriod(parameters.window.at(-1) ?? '', locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('risk.facts.thresholds')}</dt>
          <dd>{t('risk.facts.thresholdsValue', { moderate: percent(parameters.thresholds.moderate), high: percent(parameters.thresholds.high) })}</dd>
        </div>
        <div>
          <dt>{t('risk.facts.alwaysDraw')}</dt>
          <dd>{always.length > 0 ? always.join('; ') : '—'}</dd>
        </div>
        <div>
          <dt>{t('risk.facts.algorithm')}</dt>
          <dd className="code">{parameters.algorithm}</dd>
        </div>
      </dl>
      <table className="list counts">
        <caption>{t('risk.counts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.counts.class')}</th>
            <th scope="col" className="number">
              {t('risk.counts.probability')}
            </th>
            <th scope="col" className="number">
              {t('risk.counts.facilities')}
            </th>
            <th scope="col" className="number">
              {t('risk.counts.drawn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {RISK_CLASSES.map((riskClass) => (
            <tr key={riskClass} data-class={riskClass}>
              <th scope="row">
                <span className={`risk-badge ${riskClass}`}>{t(`risk.class.${riskClass}`)}</span>
              </th>
              <td className="number">{percent(parameters.probabilities[riskClass])}</td>
              <td className="number">{formatNumber(counts.byClass[riskClass].facilities, locale)}</td>
              <td className="number">{formatNumber(counts.byClass[riskClass].drawn, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-class="total">
            <th scope="row">{t('risk.counts.total')}</th>
            <td />
            <td className="number">{formatNumber(counts.facilities, locale)}</td>
            <td className="number">{formatNumber(counts.drawn, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
