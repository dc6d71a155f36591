/**
 * The outbox: every value and workflow step the verifier saves goes through it, online or
 * not. Entries wait in IndexedDB until the server has taken them, so nothing typed on a visit
 * without network is lost; a value changed on the server meanwhile comes back as a conflict
 * the verifier resolves — the outbox never overwrites it. This module holds the shapes and the
 * pure rules for adding to the queue; sync.ts sends, idbStore.ts stores.
 */
import type { readSheet } from '../../../../src/contract/api/dataValues.ts';
import type { Answer } from '../../../../src/contract/http.ts';

export interface ValueKey {
  readonly orgUnit: string;
  readonly period: string;
  readonly activity: string;
  readonly state: string;
}

export interface ValueWrite extends ValueKey {
  readonly kind: 'value';
  /** The package the value is entered for; the server checks it holds the activity and state. */
  readonly package: string;
  readonly value: number;
  /** The version read before editing; absent when the value did not exist. */
  readonly baseVersion?: number;
}

export interface StepWrite {
  readonly kind: 'step';
  readonly orgUnit: string;
  /** The package's workflow period (a quarter for a quarterly package). */
  readonly period: string;
  readonly package: string;
  readonly step: 'verify';
}

export type Write = ValueWrite | StepWrite;

/** A value as the API answers it (src/contract/api/dataValues.ts). */
export type StoredValue = Answer<typeof readSheet>['values'][number];

/** Why an entry did not go through: the server's stable code and message, and for a conflict the current value. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly current?: StoredValue | null;
}

export type EntryState = 'waiting' | 'conflict' | 'failed';

export interface OutboxEntry {
  readonly id: number;
  /** Entries belong to whoever saved them: another user signing in on the tablet does not send them. */
  readonly userId: number;
  readonly programmeId: string;
  readonly write: Write;
  readonly queuedAt: string;
  readonly state: EntryState;
  readonly problem?: Problem;
}

export type NewEntry = Omit<OutboxEntry, 'id'>;

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  add(entry: NewEntry): Promise<number>;
  put(entry: OutboxEntry): Promise<void>;
  remove(id: number): Promise<void>;
}

export interface Owner {
  readonly userId: number;
  readonly programmeId: string;
}

/** One edited value: what the screen shows as stored (if anything) and the value entered. */
export interface ValueEdit {
  readonly key: ValueKey;
  readonly package: string;
  readonly value: number;
  readonly stored?: { readonly value: number; readonly version: number } | undefined;
}

export interface Plan {
  readonly add: NewEntry[];
  readonly put: OutboxEntry[];
  readonly remove: number[];
}

function sameKey(a: ValueKey, b: ValueKey): boolean {
  return a.orgUnit === b.orgUnit && a.period === b.period && a.activity === b.activity && a.state === b.state;
}

function valueEntryFor(entries: readonly OutboxEntry[], owner: Owner, key: ValueKey): (OutboxEntry & { write: ValueWrite }) | undefined {
  return entries.find(
    (entry): entry is OutboxEntry & { write: ValueWrite } =>
      entry.userId === owner.userId && entry.programmeId === owner.programmeId && entry.write.kind === 'value' && sameKey(entry.write, key),
  );
}

/**
 * How saving edits changes the queue. A key already queued keeps the version first read, so a
 * change made on the server since then is still caught; a conflict stays a conflict (the
 * verifier has to choose) with the new value as theirs; a failed entry is tried again. An
 * edit back to the stored value drops what was queued; an edit equal to the stored value with
 * nothing queued is no change at all.
 */
export function planValueEdits(entries: readonly OutboxEntry[], owner: Owner, edits: readonly ValueEdit[], now: string): Plan {
  const plan: Plan = { add: [], put: [], remove: [] };
  for (const edit of edits) {
    const queued = valueEntryFor(entries, owner, edit.key);
    const unchanged = edit.stored !== undefined && edit.stored.value === edit.value;
    if (!queued) {
      if (unchanged) continue;
      const write: ValueWrite = { kind: 'value', ...edit.key, package: edit.package, value: edit.value, ...(edit.stored ? { baseVersion: edit.stored.version } : {}) };
      plan.add.push({ ...owner, write, queuedAt: now, state: 'waiting' });
      continue;
    }
    if (queued.state !== 'conflict' && unchanged && queued.write.baseVersion === edit.stored?.version) {
      plan.remove.push(queued.id);
      continue;
    }
    if (queued.write.value === edit.value && queued.state !== 'failed') continue;
    const { problem: _problem, ...rest } = queued;
    const state = queued.state === 'conflict' ? 'conflict' : 'waiting';
    plan.put.push({ ...(state === 'conflict' ? queued : rest), write: { ...queued.write, value: edit.value }, queuedAt: now, state });
  }
  return plan;
}

/** A workflow step is queued once; saving it again changes nothing. */
export function planStep(entries: readonly OutboxEntry[], owner: Owner, step: StepWrite, now: string): Plan {
  const queued = entries.some(
    (entry) =>
      entry.userId === owner.userId &&
      entry.programmeId === owner.programmeId &&
      entry.write.kind === 'step' &&
      entry.write.orgUnit === step.orgUnit &&
      entry.write.period === step.period &&
      entry.write.package === step.package &&
      entry.write.step === step.step,
  );
  return { add: queued ? [] : [{ ...owner, write: step, queuedAt: now, state: 'waiting' }], put: [], remove: [] };
}

/** Keep mine: send my value again over the version the server has now. */
export function keepMine(entry: OutboxEntry): OutboxEntry {
  if (entry.write.kind !== 'value' || entry.state !== 'conflict') return entry;
  const { problem, ...rest } = entry;
  const { baseVersion: _old, ...write } = entry.write;
  const current = problem?.current;
  return { ...rest, state: 'waiting', write: current ? { ...write, baseVersion: current.version } : write };
}

export async function applyPlan(store: OutboxStore, plan: Plan): Promise<void> {
  for (const id of plan.remove) await store.remove(id);
  for (const entry of plan.put) await store.put(entry);
  for (const entry of plan.add) await store.add(entry);
}
