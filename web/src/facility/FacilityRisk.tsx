import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { formatPercent, formatPeriod } from '../i18n/format.ts';
import { useUnitNames } from '../money/unitNames.ts';
import { useEntryOf, useLatestDrawOf } from '../risk/queries.ts';
import { Reasons } from '../risk/Reasons.tsx';

/** The facility's risk class in the newest draw covering it, and why it is there. */
export function FacilityRisk({ programmeId, orgUnitId }: { programmeId: string; orgUnitId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const latest = useLatestDrawOf(programmeId, orgUnitId);
  const entry = useEntryOf(programmeId, latest.data?.id, orgUnitId);
  const error = latest.error ?? entry.error;
  const rootNames = useUnitNames(programmeId, latest.data ? [latest.data.rootOrgUnitId] : []);

  let body;
  if (error) body = <ErrorMessage error={error} onRetry={() => void (latest.refetch(), entry.refetch())} />;
  else if (latest.isPending || (latest.data && entry.isPending)) body = <Loading />;
  else if (!latest.data) body = <p>{t('facility.noDraw')}</p>;
  else {
    const draw = latest.data;
    const link = (
      <Link to={`/risk?root=${encodeURIComponent(draw.rootOrgUnitId)}&period=${draw.period}`}>
        {t('facility.drawLink', { id: draw.id, root: rootNames.get(draw.rootOrgUnitId) ?? draw.rootOrgUnitId, period: formatPeriod(draw.period, locale) })}
      </Link>
    );
    body = entry.data ? (
      <>
        <p className="risk-line">
          <span className={`risk-badge ${entry.data.riskClass}`}>{t(`risk.class.${entry.data.riskClass}`)}</span>
          <span>{t(entry.data.drawn ? 'facility.drawn' : 'facility.notDrawn', { probability: formatPercent(entry.data.probability, locale) })}</span>
          {link}
        </p>
        <details>
          <summary>{t('facility.why')}</summary>
          <Reasons entry={entry.data} />
        </details>
      </>
    ) : (
      <p>
        {t('facility.notInDraw')} {link}
      </p>
    );
  }
  return (
    <section className="card" aria-labelledby="facility-risk">
      <h2 id="facility-risk">{t('facility.risk')}</h2>
      {body}
    </section>
  );
}
