import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export interface Scope {
  /** Root of the subtree shown. */
  readonly unit: string;
  /** A month or quarter; empty for every period. */
  readonly period: string;
}

/**
 * The subtree and period a money screen shows, kept in the address (`?unit=&period=`) so
 * that a link from the home page, a reload or the back button lands on the same list.
 */
export function useScope(defaults: Scope): [Scope, (next: Scope) => void] {
  const [params, setParams] = useSearchParams();
  const scope = { unit: params.get('unit') ?? defaults.unit, period: params.get('period') ?? defaults.period };
  const setScope = useCallback(
    (next: Scope) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('unit', next.unit);
        updated.set('period', next.period);
        return updated;
      }),
    [setParams],
  );
  return [scope, setScope];
}

/** One more search parameter of a screen (a tab, a selected record), kept with the scope. */
export function useParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null) =>
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (value === null) updated.delete(name);
        else updated.set(name, value);
        return updated;
      }),
    [name, setParams],
  );
  return [params.get(name), set];
}
