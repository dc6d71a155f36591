import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { MonthInput } from '../components/DateInput.tsx';
import { fromIsoMonth, toIsoMonth } from '../../../src/contract/periods.ts';
import type * as contract from '../../../src/contract/api/dashboards.ts';
import { rangeParams, useDashboard, type Filters } from './useDashboard.ts';

/**
 * The subtree (the way back up, and the units below to open) and the range of months every
 * dashboard reads. The units come with the tree panel's figures (one request for both).
 */
export function FiltersBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const { capability } = useSession();
  const tree = useDashboard<typeof contract.quantityByUnit>('quantity-by-unit', rangeParams(filters));
  // Several subtrees of the user's make a whole scope above any one of them.
  const subtrees = capability('read').roots.length;
  const root = tree.data?.root;
  const below = tree.data?.items.filter((item) => !item.leaf) ?? [];
  const go = (unitId: string | undefined) => onChange({ ...filters, root: unitId });
  const setMonth = (field: 'from' | 'to', value: string) => {
    const month = fromIsoMonth(value);
    if (month === undefined) return;
    // Keep the range the right way round: moving one end past the other moves both.
    onChange(field === 'from' ? { ...filters, from: month, to: month > filters.to ? month : filters.to } : { ...filters, to: month, from: month < filters.from ? month : filters.from });
  };
  return (
    <div className="filters card">
      <nav aria-label={t('dashboards.scope')} className="crumbs">
        <ol>
          {filters.root !== undefined && subtrees > 1 && (
            <li>
              <button type="button" className="link" onClick={() => go(undefined)}>
                {t('dashboards.allScopes')}
              </button>
            </li>
          )}
          {tree.data?.trail.map((unit) => (
            <li key={unit.id}>
              <button type="button" className="link" onClick={() => go(unit.id)}>
                {unit.name}
              </button>
            </li>
          ))}
          <li aria-current="location">{root?.name ?? (tree.data ? t('dashboards.allScopes') : '…')}</li>
        </ol>
      </nav>
      <div className="filter-fields">
        {below.length > 0 && (
          <label className="inline">
            {t('dashboards.openBelow')}
            <select value="" onChange={(event) => event.target.value && go(event.target.value)}>
              <option value="">—</option>
              {below.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          {t('dashboards.from')}
          <MonthInput key={filters.from} value={toIsoMonth(filters.from)} onChange={(month) => setMonth('from', month)} required />
        </label>
        <label className="inline">
          {t('dashboards.to')}
          <MonthInput key={filters.to} value={toIsoMonth(filters.to)} onChange={(month) => setMonth('to', month)} required />
        </label>
      </div>
    </div>
  );
}
