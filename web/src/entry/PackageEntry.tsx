import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../i18n/format.ts';
import { valueKey, type RulesPackage, type SheetStatus, type StoredValue } from './api.ts';
import { DeclareStep } from './DeclareStep.tsx';
import { EntryGrid, type GridColumn } from './EntryGrid.tsx';
import { LockNotice } from './LockNotice.tsx';
import { registerResult, sum } from './totals.ts';
import { RegisterCheck } from './RegisterCheck.tsx';
import { StatusBadge, StatusSince } from './StatusBadge.tsx';
import { useCells } from './useCells.ts';

interface PackageEntryProps {
  readonly programmeId: string;
  readonly orgUnit: string;
  /** The month being entered. */
  readonly period: string;
  readonly rules: RulesPackage;
  readonly status: SheetStatus;
  readonly stored: ReadonlyMap<string, StoredValue>;
  /** Whether the clerk declares for this unit (its subtree). */
  readonly writable: boolean;
}

const DECLARED = 'declared';

/** One package's declared quantities: the grid, its completeness, the register check and the declare step. */
export function PackageEntry({ programmeId, orgUnit, period, rules, status, stored, writable }: PackageEntryProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const cells = useCells({ programmeId, orgUnit, period, pkg: rules.code, inputTypes: rules.inputTypes, locale }, stored);
  const [register, setRegister] = useState('');
  const headingId = `pkg-${rules.code}`;
  const frozen = status.frozen.includes(DECLARED);
  const editable = writable && !frozen;
  const columns: GridColumn[] = [{ kind: 'state', state: DECLARED, header: t('state.declared'), editable }];

  const codes = rules.activities.map((activity) => activity.code);
  const filled = codes.filter((code) => stored.has(valueKey(code, DECLARED))).length;
  const unsaved = codes.filter((code) => cells.drafts.has(valueKey(code, DECLARED))).length;
  const gridTotal = sum(codes.map((code) => cells.value(code, DECLARED) ?? 0));
  const check = registerResult(register, gridTotal, locale);
  const blockers = [
    ...(unsaved > 0 ? [t('entry.blocked.unsaved', { count: unsaved })] : []),
    ...(filled < codes.length ? [t('entry.blocked.incomplete', { count: codes.length - filled })] : []),
    ...(check === 'missing' || check === 'invalid' ? [t('entry.blocked.register')] : []),
    ...(check === 'differs' ? [t('entry.blocked.mismatch')] : []),
  ];

  return (
    <section className="card package-entry" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {rules.name ?? rules.code} <StatusBadge status={status.status} />
      </h2>
      <p className="small-text">
        {status.period !== period && <span>{t('entry.quarterly', { period: formatPeriod(status.period, locale) })} </span>}
        {!status.locked && <StatusSince status={status} />}
      </p>
      {status.locked && <LockNotice status={status} />}
      {frozen && !status.locked && <p className="banner" role="note">{t('entry.frozen')}</p>}
      {!writable && <p className="muted">{t('entry.readOnlyScope')}</p>}
      <EntryGrid labelledBy={headingId} activities={rules.activities} columns={columns} stored={stored} cells={cells} />
      <p className="completeness">
        <label className="inline">
          {t('entry.completeness', { filled, expected: codes.length })}
          <progress max={codes.length} value={filled} />
        </label>
      </p>
      {editable && status.status === 'open' && (
        <>
          <RegisterCheck id={`${headingId}-register`} text={register} gridTotal={gridTotal} onChange={setRegister} />
          <DeclareStep programmeId={programmeId} orgUnit={orgUnit} status={status} blockers={blockers} />
        </>
      )}
    </section>
  );
}
