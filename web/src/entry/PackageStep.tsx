import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../i18n/format.ts';
import type { PackageStatus, RulesPackage } from './api.ts';
import { DeclareStep } from './DeclareStep.tsx';
import { LockNotice } from './LockNotice.tsx';
import { StatusBadge, StatusSince } from './StatusBadge.tsx';

interface PackageStepProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  readonly rules: RulesPackage;
  readonly status: PackageStatus;
  readonly writable: boolean;
}

/**
 * A package with nothing declared (a quality checklist the verifier fills in): every package
 * starts its workflow with the clerk's declare step, so the clerk still marks it declared.
 */
export function PackageStep({ programmeId, orgUnit, rules, status, writable }: PackageStepProps) {
  const { t, i18n } = useTranslation();
  const headingId = `pkg-${rules.code}`;
  return (
    <section className="card package-entry" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {rules.name ?? rules.code} <StatusBadge status={status.status} />
      </h2>
      <p className="small-text">
        {t('entry.periodOf', { period: formatPeriod(status.period, i18n.language) })} {!status.locked && <StatusSince status={status} />}
      </p>
      {status.locked && <LockNotice status={status} />}
      {status.status === 'open' && <p>{t('entry.nothingToEnter')}</p>}
      {writable && <DeclareStep programmeId={programmeId} orgUnit={orgUnit} status={status} blockers={[]} />}
    </section>
  );
}
