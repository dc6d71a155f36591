import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api, query } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { OrgUnitPage } from '../api/types.ts';
import { useDebounced } from '../designer/useDebounced.ts';

const SUGGESTIONS = 20;
const SEARCH_DELAY_MS = 250;

/**
 * An org unit typed by its code, with the units of the user's scope matching what is typed
 * (code or name) offered as suggestions: picking one puts its code in the field.
 */
export function UnitPicker({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (value: string) => void }) {
  const { programmeId } = useSession();
  const listId = useId();
  const search = useDebounced(value.trim(), SEARCH_DELAY_MS);
  const suggestions = useQuery({
    queryKey: ['org-units', programmeId, 'suggest', search],
    queryFn: () => api.get<OrgUnitPage>(`/api/programmes/${programmeId}/org-units${query({ search, limit: SUGGESTIONS })}`),
    enabled: !!programmeId && search !== '',
    placeholderData: (previous) => previous,
  });
  return (
    <div className="field">
      <label htmlFor={`${listId}-input`}>{label}</label>
      <input id={`${listId}-input`} list={listId} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" aria-describedby={`${listId}-hint`} />
      <span id={`${listId}-hint`} className="muted small-text">
        {hint}
      </span>
      <datalist id={listId}>
        {suggestions.data?.items.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.name}
          </option>
        ))}
      </datalist>
    </div>
  );
}
