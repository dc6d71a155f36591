import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { useStepPolicies } from '../entry/api.ts';
import { StepBack } from '../entry/StepBack.tsx';
import { formatPeriod } from '../i18n/format.ts';
import type { PackageStatus } from './api.ts';
import { currentValue } from './cells.ts';
import { Checklist } from './Checklist.tsx';
import { useOnline } from './offline/useOnline.ts';
import { QuantityVerification } from './QuantityVerification.tsx';
import { isQuantityVerification, verifierStates, type Package } from './rules.ts';
import { useEntrySheet, type EntrySheet } from './useEntrySheet.ts';
import type { Visit } from './useVisit.ts';

/** One package of a visit: its status, its entry grid, saving and marking it verified. */
export function PackageSection({ visit, status }: { visit: Visit; status: PackageStatus }) {
  const pkg = visit.rules.package(status.package);
  return pkg ? <PackageBody visit={visit} pkg={pkg} status={status} /> : null;
}

function PackageBody({ visit, pkg, status }: { visit: Visit; pkg: Package; status: PackageStatus }) {
  const { t, i18n } = useTranslation();
  const sheet = useEntrySheet(visit, pkg, status);
  const titleId = `package-${pkg.code}`;
  // A quarterly package on a month's visit: its months add up into the quarter, so entering
  // here is deliberate (a monthly tally), not the default, lest a quarterly score be counted twice.
  const elsewhere = status.period !== visit.sheet.period;
  const summed = (visit.others.get(pkg.code) ?? []).length;
  const content = (
    <>
      {summed > 0 && <p className="muted small-text">{t('field.summed', { count: summed })}</p>}
      {isQuantityVerification(pkg) ? <QuantityVerification visit={visit} pkg={pkg} sheet={sheet} period={status.period} /> : <Checklist pkg={pkg} sheet={sheet} />}
      <SheetActions pkg={pkg} sheet={sheet} status={status} />
      {status.status === 'declared' && <ReturnDeclaration visit={visit} pkg={pkg} status={status} />}
    </>
  );
  return (
    <section className="card package" aria-labelledby={titleId} data-package={pkg.code}>
      <div className="package-head">
        <h2 id={titleId}>{pkg.name ?? pkg.code}</h2>
        <span className={`badge status-${status.status}`}>{t(`field.status.${status.status}`)}</span>
        {elsewhere && <span className="muted">{t('field.countedIn', { period: formatPeriod(status.period, i18n.language) })}</span>}
      </div>
      {elsewhere ? (
        <details>
          <summary>{t('field.enterHere', { period: formatPeriod(visit.sheet.period, i18n.language) })}</summary>
          {content}
        </details>
      ) : (
        content
      )}
    </section>
  );
}

/** The verifier sends a declaration back to the clerk, online only: the clerk must see it to correct it. */
function ReturnDeclaration({ visit, pkg, status }: { visit: Visit; pkg: Package; status: PackageStatus }) {
  const { programmeId } = useSession();
  const online = useOnline();
  const policies = useStepPolicies(programmeId ?? '', visit.sheet.orgUnit, status);
  if (!programmeId || !policies.data?.returnDeclaration) return null;
  const title = `${pkg.name ?? pkg.code} · ${visit.unit.name}`;
  return <StepBack programmeId={programmeId} orgUnit={visit.sheet.orgUnit} status={status} title={title} step="return-declaration" disabled={!online} />;
}

/** Values still to enter before marking verified: each state the verifier measures, on every applicable item. */
function missingValues(pkg: Package, sheet: EntrySheet): number {
  const states = verifierStates(pkg).filter((state) => state !== 'applicable');
  return pkg.activities.reduce((count, activity) => {
    if (currentValue(sheet.cell(activity.code, 'applicable')) === 0) return count;
    return count + states.filter((state) => currentValue(sheet.cell(activity.code, state)) === undefined).length;
  }, 0);
}

function SheetActions({ pkg, sheet, status }: { pkg: Package; sheet: EntrySheet; status: PackageStatus }) {
  const { t } = useTranslation();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  if (status.locked) return <p className="muted">{t('field.locked')}</p>;
  if (status.status === 'verified') return <p className="muted">{t('field.frozen')}</p>;
  if (!sheet.editable) return null;
  const missing = missingValues(pkg, sheet);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  const hint =
    sheet.changes > 0 || sheet.invalid
      ? t('field.verifyHint.unsaved')
      : missing > 0
        ? t('field.verifyHint.missing', { count: missing })
        : sheet.blocked
          ? t('field.verifyHint.blocked')
          : status.status === 'open'
            ? t('field.verifyHint.notDeclared')
            : undefined;
  const canVerify = status.status === 'declared' && !sheet.stepQueued && hint === undefined;

  return (
    <div className="sheet-actions">
      <button type="button" disabled={busy || sheet.changes === 0 || sheet.invalid} onClick={() => run(sheet.save)}>
        {t('field.save', { count: sheet.changes })}
      </button>
      {(status.status === 'declared' || status.status === 'open') && (
        <button type="button" className="secondary" disabled={busy || !canVerify} onClick={() => run(sheet.markVerified)}>
          {t('field.markVerified')}
        </button>
      )}
      <span className="muted">
        {sheet.stepQueued ? t('field.verifyQueued') : status.status === 'declared' || status.status === 'open' ? hint : undefined}
        {!online && sheet.changes > 0 && ` ${t('field.savedLocally')}`}
      </span>
    </div>
  );
}
