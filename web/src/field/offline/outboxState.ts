import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { fieldKeys, sendWrite, withStored, type UnitValues } from '../api.ts';
import { IdbOutboxStore } from './idbStore.ts';
import { applyPlan, keepMine, planStep, planValueEdits, type OutboxEntry, type Owner, type StepWrite, type StoredValue, type ValueEdit } from './outbox.ts';
import { syncOutbox, type SyncReport } from './sync.ts';

/**
 * The outbox shared by every screen of the tab: the entries (read back from IndexedDB after
 * each change), the progress of the current sync, and subscriptions for React.
 */
export interface SyncStatus {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  readonly last?: SyncReport;
}

const store = new IdbOutboxStore();
let entries: readonly OutboxEntry[] = [];
let status: SyncStatus = { running: false, done: 0, total: 0 };
let loaded: Promise<void> | undefined;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  entries = (await store.all()).sort((a, b) => a.id - b.id);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  loaded ??= reload();
  return () => listeners.delete(listener);
}

const now = () => new Date().toISOString();

export const outbox = {
  async saveValues(owner: Owner, edits: readonly ValueEdit[]): Promise<void> {
    await applyPlan(store, planValueEdits(await store.all(), owner, edits, now()));
    await reload();
  },
  async saveStep(owner: Owner, step: StepWrite): Promise<void> {
    await applyPlan(store, planStep(await store.all(), owner, step, now()));
    await reload();
  },
  async keepMine(entry: OutboxEntry): Promise<void> {
    await store.put(keepMine(entry));
    await reload();
  },
  /** Take theirs, or give up a refused entry: the entry goes, the server's value stays. */
  async discard(entry: OutboxEntry): Promise<void> {
    await store.remove(entry.id);
    await reload();
  },
};

let running: Promise<void> | undefined;
let again = false;

/**
 * Sends the user's waiting entries; a sync asked for while one runs starts again after it,
 * so an entry saved meanwhile is not left behind.
 */
function sync(userId: number, run: (userId: number) => Promise<SyncReport>): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      status = { running: true, done: 0, total: 0 };
      emit();
      const last = await run(userId).finally(reload);
      status = { running: false, done: status.total, total: status.total, last };
      emit();
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

export function useOutboxEntries(userId: number | undefined): readonly OutboxEntry[] {
  const all = useSyncExternalStore(subscribe, () => entries);
  return useMemo(() => all.filter((entry) => entry.userId === userId), [all, userId]);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, () => status);
}

/**
 * Starts a sync for the user; values the server stored go straight into the sheets the
 * screens show (so the next edit carries the new version) and the sheets are then read again,
 * which also refreshes the service worker's copy for offline use.
 */
export function useSyncNow(userId: number | undefined): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => {
    if (userId === undefined) return Promise.resolve();
    const touched = new Map<string, readonly string[]>();
    return sync(userId, (user) =>
      syncOutbox(store, user, sendWrite, {
        onStored(programmeId, stored) {
          showStored(queryClient, programmeId, stored);
          touched.set(`${programmeId}\u0000${stored.orgUnit}`, fieldKeys.unit(programmeId, stored.orgUnit));
        },
        onStep(programmeId, write) {
          touched.set(`${programmeId}\u0000${write.orgUnit}`, fieldKeys.unit(programmeId, write.orgUnit));
          touched.set(`visits\u0000${programmeId}`, fieldKeys.visits(programmeId));
        },
        onProgress(done, total) {
          status = { running: true, done, total };
          emit();
        },
      }).finally(() => {
        for (const key of touched.values()) void queryClient.invalidateQueries({ queryKey: key });
      }),
    );
  }, [queryClient, userId]);
}

/** A value as the server now stores it, put into every sheet of its unit and period on screen. */
function showStored(queryClient: QueryClient, programmeId: string, stored: StoredValue): void {
  const key = fieldKeys.values(programmeId, stored.orgUnit, stored.period);
  queryClient.setQueriesData<UnitValues>({ queryKey: key }, (sheet) => (sheet ? withStored(sheet, stored) : sheet));
}

/** The verifier's two answers to a conflict; neither happens without their choice. */
export function useConflictResolution(userId: number | undefined) {
  const queryClient = useQueryClient();
  const syncNow = useSyncNow(userId);
  return useMemo(
    () => ({
      async keepMine(entry: OutboxEntry): Promise<void> {
        await outbox.keepMine(entry);
        await syncNow();
      },
      async takeTheirs(entry: OutboxEntry): Promise<void> {
        await outbox.discard(entry);
        const current = entry.problem?.current;
        if (current) showStored(queryClient, entry.programmeId, current);
        await queryClient.invalidateQueries({ queryKey: fieldKeys.unit(entry.programmeId, entry.write.orgUnit) });
      },
    }),
    [queryClient, syncNow],
  );
}
