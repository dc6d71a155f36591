import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../api/client.ts';
import { pathIds, reaches } from '../api/scope.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnit, OrgUnitPage } from '../api/types.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useDebounced } from '../designer/useDebounced.ts';
import { useUnitNames } from '../money/unitNames.ts';

/** Enough to pick from while typing; more means the search should be narrower. */
const RESULTS = 12;
const SEARCH_DELAY_MS = 250;

interface FacilitySearchProps {
  readonly selected: OrgUnit | undefined;
  onSelect(unit: OrgUnit): void;
}

/**
 * Finds an org unit by name or code in the clerk's subtrees (the server searches the units
 * the user may read; those outside the clerk's own grants are left out).
 */
export function FacilitySearch({ selected, onSelect }: FacilitySearchProps) {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const open = text.trim() !== '' || !selected;
  const results = useQuery({
    queryKey: ['entry-units', programmeId, search],
    queryFn: () => api.get<OrgUnitPage>(`/api/programmes/${programmeId}/org-units${query({ search: search || undefined, limit: 100 })}`),
    enabled: open,
  });
  const units = (results.data?.items ?? []).filter((unit) => reaches(capability('data.declare'), unit.path));
  const shown = units.slice(0, RESULTS);
  const names = useUnitNames(programmeId ?? '', shown.flatMap((unit) => pathIds(unit.path).slice(0, -1)));
  const more = units.length > RESULTS || (results.data?.total ?? 0) > (results.data?.items.length ?? 0);

  return (
    <div className="facility-search">
      <label className="inline">
        {t('entry.facility')}
        <input
          type="search"
          value={text}
          placeholder={selected ? selected.name : t('entry.searchPlaceholder')}
          aria-controls="facility-results"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {open && (
        <div id="facility-results" className="facility-results" aria-live="polite">
          {results.error && <ErrorMessage error={results.error} onRetry={() => results.refetch()} />}
          {results.data && units.length === 0 && <p className="muted">{t('entry.noUnit', { text: search })}</p>}
          <ul>
            {shown.map((unit) => (
              <li key={unit.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setText('');
                    onSelect(unit);
                  }}
                >
                  {unit.name}
                </button>
                <span className="muted">
                  {placeOf(unit, names)} <span className="code">{unit.id}</span>
                </span>
              </li>
            ))}
          </ul>
          {more && <p className="muted small-text">{t('entry.moreUnits', { shown: RESULTS })}</p>}
        </div>
      )}
    </div>
  );
}

/**
 * Where a unit lies, by the names of its ancestors ("Ngozi › District sanitaire Ngozi Centre"):
 * those above the user's subtrees cannot be read, and are left out rather than shown by code.
 */
function placeOf(unit: OrgUnit, names: ReadonlyMap<string, string>): string {
  return pathIds(unit.path)
    .slice(0, -1)
    .flatMap((id) => names.get(id) ?? [])
    .join(' › ');
}
