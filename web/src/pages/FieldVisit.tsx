import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import type { OutboxEntry } from '../field/offline/outbox.ts';
import { OutboxPanel } from '../field/offline/OutboxPanel.tsx';
import { PackageSection } from '../field/PackageSection.tsx';
import { isEntryPeriod, relatedPeriods, shiftPeriod } from '../../../src/contract/periods.ts';
import { useVisit, type Visit } from '../field/useVisit.ts';
import { stateLabel } from '../field/labels.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';

/** A verifier's visit to one facility for one period: every package it enters there. */
export function FieldVisit() {
  const { t } = useTranslation();
  const { orgUnitId, period } = useParams();
  const { programmeId, capability } = useSession();
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  if (!capability('data.verify').somewhere) return <ErrorMessage error={new ApiError(403, 'FORBIDDEN', '')} />;
  if (!orgUnitId || !isEntryPeriod(period)) return <ErrorMessage error={new ApiError(404, 'NOT_FOUND', '')} />;
  return <VisitScreen key={`${programmeId}/${orgUnitId}/${period}`} programmeId={programmeId} orgUnit={orgUnitId} period={period} />;
}

function VisitScreen({ programmeId, orgUnit, period }: { programmeId: string; orgUnit: string; period: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const { visit, error, retry } = useVisit(programmeId, orgUnit, period, locale);
  const at = (other: string) => `/field/${encodeURIComponent(orgUnit)}/${other}`;

  return (
    <section className="field">
      <p className="muted">
        <Link to={`/field?period=${period}`}>{t('field.backToVisits')}</Link>
      </p>
      <h1>{t('field.visitTitle', { name: visit?.unit.name ?? orgUnit, period: formatPeriod(period, locale) })}</h1>
      <nav className="period-links" aria-label={t('field.otherPeriods')}>
        <Link to={at(shiftPeriod(period, -1))}>← {formatPeriod(shiftPeriod(period, -1), locale)}</Link>
        {relatedPeriods(period).map((other) => (
          <Link key={other} to={at(other)}>
            {formatPeriod(other, locale)}
          </Link>
        ))}
        <Link to={at(shiftPeriod(period, 1))}>{formatPeriod(shiftPeriod(period, 1), locale)} →</Link>
      </nav>
      {error && !visit && <ErrorMessage error={error} onRetry={retry} />}
      {!error && !visit && <Loading />}
      {visit && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('field.facility')}</dt>
              <dd className="code">{visit.unit.id}</dd>
            </div>
            <div>
              <dt>{t('field.rules')}</dt>
              <dd>{t('field.rulesVersion', { version: visit.version.version, from: formatPeriod(visit.version.effectiveFrom, locale) })}</dd>
            </div>
          </dl>
          <OutboxPanel orgUnit={orgUnit} describe={describeFor(visit, t, i18n)} />
          {visit.sheet.packages.length === 0 && <p>{t('field.noPackage')}</p>}
          {visit.sheet.packages.map((status) => (
            <PackageSection key={status.package} visit={visit} status={status} />
          ))}
        </>
      )}
    </section>
  );
}

/** Outbox entries named with the activities' and packages' names. */
function describeFor(visit: Visit, t: TFunction, i18n: I18n) {
  const packages = visit.rules.program?.packages ?? [];
  return (entry: OutboxEntry): string => {
    const { write } = entry;
    if (write.kind === 'step') {
      const pkg = packages.find((candidate) => candidate.code === write.package);
      return t('field.outbox.stepLine', { orgUnit: visit.unit.name, package: pkg?.name ?? write.package });
    }
    const activity = packages.flatMap((pkg) => pkg.activities).find((candidate) => candidate.code === write.activity);
    return t('field.outbox.valueLine', {
      orgUnit: visit.unit.name,
      activity: activity?.name ?? write.activity,
      state: stateLabel(t, i18n, write.state),
      value: formatNumber(write.value, i18n.language, 4),
    });
  };
}
