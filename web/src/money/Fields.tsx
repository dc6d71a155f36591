import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api, query } from '../api/client.ts';
import type { OrgUnitPage } from '../api/types.ts';
import { useDebounced } from '../designer/useDebounced.ts';
import { useUnitNames } from './unitNames.ts';

const SUGGESTIONS = 20;

/**
 * An org unit chosen by its code, with suggestions by name or code as one types (from the
 * units the user may see: the server filters) and the chosen unit's name shown beside.
 */
export function OrgUnitField({ programmeId, label, value, onChange }: { programmeId: string; label: string; value: string; onChange: (id: string) => void }) {
  const listId = useId();
  const search = useDebounced(value.trim(), 250);
  const suggestions = useQuery({
    queryKey: ['org-unit-suggestions', programmeId, search],
    queryFn: () => api.get<OrgUnitPage>(`/api/programmes/${programmeId}/org-units${query({ search, limit: SUGGESTIONS })}`),
    enabled: search.length > 0,
    staleTime: 60_000,
  });
  const names = useUnitNames(programmeId, value.trim() ? [value.trim()] : []);
  const chosen = names.get(value.trim());
  return (
    <label className="inline unit-field">
      {label}
      <span className="stack">
        <input value={value} list={listId} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} />
        <span className="muted small-text" aria-live="polite">
          {chosen ?? '\u00a0'}
        </span>
      </span>
      <datalist id={listId}>
        {suggestions.data?.items.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </datalist>
    </label>
  );
}

/** A DHIS2 period typed as text, checked as one types. */
export function PeriodField({
  label,
  value,
  onChange,
  valid,
  help,
  optional = false,
}: {
  label: string;
  value: string;
  onChange: (period: string) => void;
  valid: (period: string) => boolean;
  help: string;
  optional?: boolean;
}) {
  const helpId = useId();
  const wrong = value !== '' ? !valid(value) : !optional;
  return (
    <label className="inline">
      {label}
      <span className="stack">
        <input
          className="period"
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={wrong}
          aria-describedby={helpId}
          spellCheck={false}
          inputMode="text"
        />
        <span id={helpId} className={wrong ? 'warn small-text' : 'muted small-text'}>
          {help}
        </span>
      </span>
    </label>
  );
}
