import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { currentValueOf } from '../api/errors.ts';
import { sheetKey, valueKey, type Sheet, type StoredValue } from './api.ts';
import type { writeValue } from '../../../src/contract/api/dataValues.ts';
import type { Answer, Body } from '../../../src/contract/http.ts';
import { editingText } from '../../../src/contract/numbers.ts';
import type { InputType } from '../../../src/engine/model/inputTypes.ts';
import { effectiveValue, planSave, type Draft } from './cells.ts';

/** A few writes at once: a pasted column saves quickly without flooding a slow link. */
const PARALLEL_WRITES = 4;
const SAVABLE: ReadonlySet<Draft['phase']> = new Set(['editing', 'invalid', 'failed']);

export interface CellsTarget {
  readonly programmeId: string;
  readonly orgUnit: string;
  /** The period the sheet was read for (a month, or a quarter for quarterly entries). */
  readonly period: string;
  /** The sheet's package filter, if any: the query key the values live under. */
  readonly sheetPackage?: string | undefined;
  /** The package the values are entered for: the server checks it reads them. */
  readonly pkg: string;
  /** The package's input types: what each state's cells accept. */
  readonly inputTypes: Readonly<Record<string, InputType>> | undefined;
  readonly locale: string;
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface Cells {
  readonly drafts: ReadonlyMap<string, Draft>;
  readonly progress: Progress | null;
  text(activity: string, state: string): string;
  /** The number the cell counts for in totals: its draft when it can be saved, else the stored value. */
  value(activity: string, state: string): number | undefined;
  edit(activity: string, state: string, text: string): void;
  revert(activity: string, state: string): void;
  /** Saves the cells' drafts; a cell in conflict waits for the clerk's choice. */
  commit(keys: readonly (readonly [activity: string, state: string])[]): Promise<void>;
  keepMine(activity: string, state: string): Promise<void>;
  takeTheirs(activity: string, state: string): void;
}

/** Cells of one sheet being edited and saved, each value with its version. */
export function useCells(target: CellsTarget, stored: ReadonlyMap<string, StoredValue>): Cells {
  const client = useQueryClient();
  const { programmeId, orgUnit, period, pkg, inputTypes, locale } = target;
  const key = useMemo(() => sheetKey(programmeId, orgUnit, period, target.sheetPackage), [programmeId, orgUnit, period, target.sheetPackage]);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const draftsRef = useRef(drafts);
  const storedRef = useRef(stored);
  storedRef.current = stored;
  const [progress, setProgress] = useState<Progress | null>(null);
  const counts = useRef({ done: 0, total: 0 });

  const change = useCallback((update: (next: Map<string, Draft>) => void) => {
    const next = new Map(draftsRef.current);
    update(next);
    draftsRef.current = next;
    setDrafts(next);
  }, []);

  const store = useCallback(
    (value: StoredValue) => {
      client.setQueryData<Sheet>(key, (sheet) =>
        sheet && {
          ...sheet,
          values: [...sheet.values.filter((v) => valueKey(v.activity, v.state) !== valueKey(value.activity, value.state)), value],
        },
      );
      // Other views of the unit (the committee's, a package's) and the status lists read it too.
      void client.invalidateQueries({ queryKey: ['sheet', programmeId, orgUnit], refetchType: 'none' });
    },
    [client, key, programmeId, orgUnit],
  );

  const fail = useCallback(
    (id: string, error: unknown) => {
      const now = draftsRef.current.get(id);
      if (!now) return;
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        const current = currentValueOf(error);
        change((next) => next.set(id, { text: now.text, base: now.base, phase: 'conflict', current }));
        return;
      }
      change((next) => next.set(id, { text: now.text, base: now.base, phase: 'failed', error }));
      // A lock or a refusal changes what the screen should offer: read the sheet again.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) void client.invalidateQueries({ queryKey: key });
    },
    [change, client, key],
  );

  /** Saves one cell; text typed while it was being saved is saved next, over the version just written. */
  const save = useCallback(
    async (id: string, activity: string, state: string) => {
      let draft = draftsRef.current.get(id);
      while (draft && SAVABLE.has(draft.phase)) {
        const { text: sent, base } = draft;
        const plan = planSave(draft, storedRef.current.get(id), locale, inputTypes?.[state]);
        if (plan.kind === 'drop') return change((next) => next.delete(id));
        if (plan.kind === 'invalid') return change((next) => next.set(id, { text: sent, base, phase: 'invalid', problem: plan.problem }));
        change((next) => next.set(id, { text: sent, base, phase: 'saving' }));
        try {
          const body: Body<typeof writeValue> = { value: plan.value, ...(plan.version !== undefined ? { version: plan.version } : {}), package: pkg };
          const written = await api.put<Answer<typeof writeValue>>(`/api/programmes/${programmeId}/data-values/${orgUnit}/${period}/${activity}/${state}`, body);
          store(written);
          const now = draftsRef.current.get(id);
          if (!now || now.text === sent) return change((next) => next.delete(id));
          const retyped: Draft = { text: now.text, base: written.version, phase: 'editing' };
          change((next) => next.set(id, retyped));
          draft = retyped;
        } catch (error) {
          return fail(id, error);
        }
      }
    },
    [change, inputTypes, locale, orgUnit, period, pkg, programmeId, store],
  );

  const commit = useCallback(
    async (keys: readonly (readonly [string, string])[]) => {
      const jobs = keys.filter(([activity, state]) => {
        const phase = draftsRef.current.get(valueKey(activity, state))?.phase;
        return phase !== undefined && SAVABLE.has(phase);
      });
      if (jobs.length === 0) return;
      counts.current.total += jobs.length;
      setProgress({ ...counts.current });
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const [activity, state] = jobs[next++]!;
          await save(valueKey(activity, state), activity, state);
          counts.current.done += 1;
          setProgress({ ...counts.current });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, jobs.length) }, worker));
      if (counts.current.done === counts.current.total) {
        counts.current = { done: 0, total: 0 };
        setProgress(null);
      }
    },
    [save],
  );

  return {
    drafts,
    progress,
    text: (activity, state) => {
      const id = valueKey(activity, state);
      const value = stored.get(id)?.value;
      return draftsRef.current.get(id)?.text ?? (value === undefined ? '' : editingText(value, locale));
    },
    value: (activity, state) => {
      const id = valueKey(activity, state);
      return effectiveValue(draftsRef.current.get(id), stored.get(id), locale, inputTypes?.[state]);
    },
    edit: (activity, state, text) => {
      const id = valueKey(activity, state);
      const draft = draftsRef.current.get(id);
      if (draft?.phase === 'saving' || draft?.phase === 'conflict') {
        change((next) => next.set(id, { ...draft, text }));
        return;
      }
      change((next) => next.set(id, { text, base: draft ? draft.base : stored.get(id)?.version, phase: 'editing' }));
    },
    revert: (activity, state) => {
      const id = valueKey(activity, state);
      if (draftsRef.current.get(id)?.phase !== 'saving') change((next) => next.delete(id));
    },
    commit,
    keepMine: async (activity, state) => {
      const id = valueKey(activity, state);
      const draft = draftsRef.current.get(id);
      if (draft?.phase !== 'conflict') return;
      change((next) => next.set(id, { text: draft.text, base: draft.current?.version, phase: 'editing' }));
      await commit([[activity, state]]);
    },
    takeTheirs: (activity, state) => {
      const id = valueKey(activity, state);
      const current = draftsRef.current.get(id)?.current;
      if (current) store(current);
      else void client.invalidateQueries({ queryKey: key });
      change((next) => next.delete(id));
    },
  };
}
