import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgUnitField, PeriodField } from './Fields.tsx';
import { isEntryPeriod } from '../../../src/contract/periods.ts';
import type { Scope } from './scope.ts';

/**
 * The subtree and period a money screen shows. Typing changes nothing until "Show", so a
 * half-typed code does not fire requests for units that do not exist.
 */
export function ScopeForm({
  programmeId,
  scope,
  onChange,
}: {
  programmeId: string;
  scope: Scope;
  onChange: (scope: Scope) => void;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState(scope.unit);
  const [period, setPeriod] = useState(scope.period);
  // Lists show every period when none is given; runs and orders ask for one where they need it.
  const periodOk = period === '' || isEntryPeriod(period);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (unit.trim() && periodOk) onChange({ unit: unit.trim(), period });
  }
  return (
    <form className="scope-form card" onSubmit={submit} aria-label={t('money.scope.title')}>
      <OrgUnitField programmeId={programmeId} label={t('money.scope.unit')} value={unit} onChange={setUnit} />
      <PeriodField
        label={t('money.scope.period')}
        value={period}
        onChange={setPeriod}
        valid={isEntryPeriod}
        optional
        help={t('money.scope.periodHelp')}
      />
      <button type="submit" disabled={!unit.trim() || !periodOk}>
        {t('money.scope.show')}
      </button>
    </form>
  );
}
