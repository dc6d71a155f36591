import { ApiError } from '../../api/client.ts';
import { currentValueOf, stateOf } from '../../api/errors.ts';
import type { OutboxEntry, OutboxStore, StoredValue, Write } from './outbox.ts';

/** Sends one write; resolves with the stored value for a value, throws ApiError when refused. */
export type Send = (programmeId: string, write: Write) => Promise<StoredValue | undefined>;

/** Why a sync stopped before the end: entries stay waiting and are sent next time. */
export type Stop = 'offline' | 'session' | 'server';

export interface SyncReport {
  readonly sent: number;
  readonly conflicts: number;
  readonly failed: number;
  readonly stopped?: Stop;
}

export interface SyncHooks {
  /** A value the server stored (sent, or found already equal there), to refresh what screens show. */
  onStored?(programmeId: string, stored: StoredValue): void;
  onStep?(programmeId: string, write: Write): void;
  onProgress?(done: number, total: number): void;
}

/**
 * Sends the user's waiting entries in the order they were saved. A value changed on the server
 * meanwhile (409) becomes a conflict for the verifier to resolve — unless the server already
 * holds the very value, which is then simply done. A refusal that trying again cannot cure
 * (locked period, validation, forbidden) marks the entry failed, with the server's code and
 * message. A workflow step waits while an entry of the same facility is in conflict or failed,
 * so a package is never marked verified over values that did not arrive. No network, an ended
 * session or a server error stops the run; nothing is lost.
 */
export async function syncOutbox(store: OutboxStore, userId: number, send: Send, hooks: SyncHooks = {}): Promise<SyncReport> {
  const entries = (await store.all()).filter((entry) => entry.userId === userId).sort((a, b) => a.id - b.id);
  const held = new Set(entries.filter((entry) => entry.state !== 'waiting').map(facilityOf));
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  let sent = 0;
  let conflicts = 0;
  let failed = 0;
  for (const [index, entry] of waiting.entries()) {
    hooks.onProgress?.(index, waiting.length);
    if (entry.write.kind === 'step' && held.has(facilityOf(entry))) continue;
    let stored: StoredValue | undefined;
    try {
      stored = await send(entry.programmeId, entry.write);
    } catch (error) {
      const stop = stopFor(error);
      if (stop) return { sent, conflicts, failed, stopped: stop };
      const outcome = await settleRefusal(store, entry, error as ApiError, hooks);
      if (outcome === 'done') sent++;
      else {
        held.add(facilityOf(entry));
        if (outcome === 'conflict') conflicts++;
        else failed++;
      }
      continue;
    }
    await store.remove(entry.id);
    sent++;
    if (stored) hooks.onStored?.(entry.programmeId, stored);
    else hooks.onStep?.(entry.programmeId, entry.write);
  }
  hooks.onProgress?.(waiting.length, waiting.length);
  return { sent, conflicts, failed };
}

function facilityOf(entry: OutboxEntry): string {
  return `${entry.programmeId}\u0000${entry.write.orgUnit}`;
}

const VERIFIED_OR_LATER = new Set(['verified', 'validated', 'invoiced', 'approved', 'ordered', 'paid']);

function stopFor(error: unknown): Stop | undefined {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 0) return 'offline';
  if (error.status === 401 || error.code === 'CSRF') return 'session';
  if (error.status >= 500 || error.status === 429) return 'server';
  return undefined;
}

async function settleRefusal(store: OutboxStore, entry: OutboxEntry, error: ApiError, hooks: SyncHooks): Promise<'done' | 'conflict' | 'failed'> {
  const problem = { status: error.status, code: error.code, message: error.message };
  const { write } = entry;
  if (write.kind === 'value' && error.code === 'CONFLICT') {
    const current = currentValueOf(error);
    if (current && current.value === write.value) {
      await store.remove(entry.id);
      hooks.onStored?.(entry.programmeId, current);
      return 'done';
    }
    await store.put({ ...entry, state: 'conflict', problem: { ...problem, current } });
    return 'conflict';
  }
  // Someone (or this verifier, from another device) already took the step: its goal is reached.
  if (write.kind === 'step' && error.code === 'INVALID_STATE' && VERIFIED_OR_LATER.has(stateOf(error) ?? '')) {
    await store.remove(entry.id);
    hooks.onStep?.(entry.programmeId, write);
    return 'done';
  }
  await store.put({ ...entry, state: 'failed', problem });
  return 'failed';
}
