import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import type { PackageStatus } from './api.ts';
import { cellKey, cellProblem, cellsOf, editsOf, engineEntries, type Cell } from './cells.ts';
import type { Computed, Entry } from './compute.ts';
import { outbox, useOutboxEntries, useSyncNow } from './offline/outboxState.ts';
import { verifierStates, type Package } from './rules.ts';
import type { Visit } from './useVisit.ts';

export interface EntrySheet {
  cell(activity: string, state: string): Cell;
  setDraft(activity: string, state: string, text: string | undefined): void;
  /** What the engine reads: the values shown, and for a quarterly package the other periods it sums. */
  readonly entries: readonly Entry[];
  /** The package computed by the programme's formulas on what the screen shows. */
  readonly computed: Computed;
  /** Drafts ready to save, and whether one cannot be saved. */
  readonly changes: number;
  readonly invalid: boolean;
  /** Entries of this package at this period waiting in the outbox. */
  readonly waiting: number;
  /** A conflict or refusal of this facility waits for the verifier: marking verified would be held. */
  readonly blocked: boolean;
  /** Marking verified waits in the outbox. */
  readonly stepQueued: boolean;
  readonly editable: boolean;
  save(): Promise<void>;
  markVerified(): Promise<void>;
}

/**
 * The editing state of one package on a visit: cells over stored, queued and typed values,
 * the engine's figures on them, and saving through the outbox (so it works offline too).
 */
export function useEntrySheet(visit: Visit, pkg: Package, status: PackageStatus): EntrySheet {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'fr' ? 'fr' : 'en';
  const { me, programmeId, capability } = useSession();
  const { orgUnit, period } = visit.sheet;
  const all = useOutboxEntries(me?.userId);
  const queued = useMemo(() => all.filter((entry) => entry.programmeId === programmeId && entry.write.orgUnit === orgUnit), [all, programmeId, orgUnit]);
  const syncNow = useSyncNow(me?.userId);
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});

  const cells = useMemo(
    () =>
      cellsOf({
        orgUnit,
        period,
        pkg: pkg.code,
        activities: pkg.activities.map((activity) => activity.code),
        states: pkg.inputs,
        stored: visit.sheet.values,
        queued,
        drafts,
        locale,
        inputTypes: pkg.inputTypes,
      }),
    [orgUnit, period, pkg, visit.sheet.values, queued, drafts, locale],
  );
  const entries = useMemo(() => engineEntries(cells, period, visit.others.get(pkg.code) ?? [], queued), [cells, period, visit.others, pkg.code, queued]);
  const computed = useMemo(() => visit.rules.compute(pkg.code, status.period, entries, locale), [visit.rules, pkg.code, status.period, entries, locale]);
  const edits = useMemo(() => editsOf(cells, orgUnit, period, pkg.code), [cells, orgUnit, period, pkg.code]);
  const owner = useMemo(() => (me && programmeId ? { userId: me.userId, programmeId } : undefined), [me, programmeId]);

  const setDraft = useCallback((activity: string, state: string, text: string | undefined) => {
    setDrafts((current) => {
      const key = cellKey(activity, state);
      if (text === undefined) {
        const { [key]: _dropped, ...rest } = current;
        return rest;
      }
      return { ...current, [key]: text };
    });
  }, []);

  const activityCodes = new Set(pkg.activities.map((activity) => activity.code));
  return {
    cell: (activity, state) => cells.get(cellKey(activity, state)) ?? {},
    setDraft,
    entries,
    computed,
    changes: edits.length,
    invalid: [...cells.values()].some((cell) => cellProblem(cell) !== undefined),
    waiting: queued.filter((entry) => entry.state === 'waiting' && entry.write.kind === 'value' && entry.write.period === period && activityCodes.has(entry.write.activity)).length,
    blocked: queued.some((entry) => entry.state !== 'waiting'),
    stepQueued: queued.some((entry) => entry.write.kind === 'step' && entry.write.package === pkg.code && entry.write.period === status.period),
    // Frozen once verified: only the committee's return reopens the verifier's figures.
    editable: capability('data.verify').somewhere && !verifierStates(pkg).some((state) => status.frozen.includes(state)),
    async save() {
      if (!owner) return;
      await outbox.saveValues(owner, edits);
      setDrafts({});
      await syncNow();
    },
    async markVerified() {
      if (!owner) return;
      await outbox.saveStep(owner, { kind: 'step', orgUnit, period: status.period, package: pkg.code, step: 'verify' });
      await syncNow();
    },
  };
}
