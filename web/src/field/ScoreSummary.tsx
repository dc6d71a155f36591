import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../i18n/format.ts';
import { bandOf, bonusBandsOf, type BonusBands, type Package } from './rules.ts';
import type { EntrySheet } from './useEntrySheet.ts';

/**
 * The package's formulas as the engine computes them on what is on screen (a score, a rate),
 * and, when one is a SCORE_TABLE of another, its bands with the one reached marked.
 */
export function ScoreSummary({ pkg, sheet }: { pkg: Package; sheet: EntrySheet }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bands = useMemo(() => bonusBandsOf(pkg), [pkg]);
  if ('errors' in sheet.computed) return <EngineErrors errors={sheet.computed.errors} />;
  const { figures } = sheet.computed;
  // Bands drawn on 0–1 read as shares of the points available: shown as percentages.
  const shares = bands !== undefined && bands.bands.every((band) => band.from >= 0 && band.to <= 1.5);
  const show = (name: string, value: number | undefined) => {
    if (value === undefined) return '—';
    return shares && name === bands?.score ? formatPercent(value, locale) : formatNumber(value, locale, 4);
  };
  const score = bands ? figures.formula(bands.score) : undefined;
  const reached = bands && score !== undefined ? bandOf(bands, score) : undefined;

  return (
    <div className="score-summary">
      <dl className="facts" role="status" aria-live="polite" aria-label={t('field.results')}>
        {Object.entries(pkg.formulas).map(([name, formula]) => (
          <div key={name} data-formula={name}>
            <dt>
              <span className="code">{name}</span> <span className="muted code">= {formula}</span>
            </dt>
            <dd className="figure">{show(name, figures.formula(name))}</dd>
          </div>
        ))}
      </dl>
      {bands && <Bands bands={bands} reached={reached} shares={shares} score={score} />}
      <EngineErrors errors={figures.errors} />
    </div>
  );
}

function Bands({ bands, reached, shares, score }: { bands: BonusBands; reached: BonusBands['bands'][number] | undefined; shares: boolean; score: number | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bound = (value: number) => (shares ? formatPercent(Math.min(value, 1), locale, 0) : formatNumber(value, locale, 4));
  return (
    <table className="list bands">
      <caption>{t('field.bands', { name: bands.name, score: bands.score })}</caption>
      <thead>
        <tr>
          <th scope="col">{bands.score}</th>
          <th scope="col" className="number">
            {bands.name}
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.bands.map((band) => {
          const here = band === reached;
          return (
            <tr key={`${band.from}-${band.to}`} className={here ? 'reached' : undefined} aria-current={here || undefined}>
              <td>
                {t('field.band', { from: bound(band.from), to: bound(band.to) })}
                {here && score !== undefined && <span className="badge">{t('field.bandReached')}</span>}
              </td>
              <td className="number">{formatNumber(band.value, locale, 4)}</td>
            </tr>
          );
        })}
        <tr className={score !== undefined && !reached ? 'reached' : undefined}>
          <td>{t('field.bandOtherwise')}</td>
          <td className="number">{formatNumber(bands.otherwise, locale, 4)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function EngineErrors({ errors }: { errors: readonly string[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <p>{t('field.engineErrors')}</p>
      <ul>
        {errors.map((error) => (
          <li key={error} className="code">
            {error}
          </li>
        ))}
      </ul>
    </div>
  );
}
