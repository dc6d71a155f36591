import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { NewEntry, OutboxEntry, OutboxStore, StoredValue, Write } from './outbox.ts';
import { syncOutbox, type Send } from './sync.ts';

class MemoryStore implements OutboxStore {
  entries = new Map<number, OutboxEntry>();
  private next = 1;
  async all() {
    return [...this.entries.values()];
  }
  async add(entry: NewEntry) {
    const id = this.next++;
    this.entries.set(id, { ...entry, id });
    return id;
  }
  async put(entry: OutboxEntry) {
    this.entries.set(entry.id, entry);
  }
  async remove(id: number) {
    this.entries.delete(id);
  }
}

const NOW = '2024-08-02T09:00:00.000Z';
const value = (activity: string, amount: number, baseVersion?: number): Write => ({
  kind: 'value',
  orgUnit: 'cds_1',
  period: '202407',
  activity,
  state: 'verified',
  package: 'quantity',
  value: amount,
  ...(baseVersion ? { baseVersion } : {}),
});
const verify: Write = { kind: 'step', orgUnit: 'cds_1', period: '202407', package: 'quantity', step: 'verify' };
const stored = (activity: string, amount: number, version = 1): StoredValue => ({
  orgUnit: 'cds_1',
  period: '202407',
  activity,
  state: 'verified',
  value: amount,
  version,
  updatedBy: { id: 2, username: 'verifier2', name: 'Another verifier' },
  updatedAt: NOW,
});

async function storeWith(...writes: Write[]): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (const write of writes) await store.add({ userId: 7, programmeId: 'test_pbf', write, queuedAt: NOW, state: 'waiting' });
  return store;
}

describe('sending the outbox', () => {
  it('sends in order, empties the queue and reports each stored value', async () => {
    const store = await storeWith(value('consultation', 98), value('delivery', 8), verify);
    const sent: string[] = [];
    const send: Send = async (_programme, write) => {
      sent.push(write.kind === 'value' ? write.activity : write.step);
      return write.kind === 'value' ? stored(write.activity, write.value) : undefined;
    };
    const seen: number[] = [];
    const progress: string[] = [];
    const report = await syncOutbox(store, 7, send, { onStored: (_p, s) => seen.push(s.value), onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(report).toEqual({ sent: 3, conflicts: 0, failed: 0 });
    expect(sent).toEqual(['consultation', 'delivery', 'verify']);
    expect(seen).toEqual([98, 8]);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(store.entries.size).toBe(0);
  });

  it('turns a value changed meanwhile into a conflict and holds the facility’s step', async () => {
    const store = await storeWith(value('delivery', 8, 1), verify);
    const send: Send = async (_programme, write) => {
      if (write.kind === 'step') throw new Error('the step must wait');
      throw new ApiError(409, 'CONFLICT', 'data value changed since you read version 1', { current: stored('delivery', 9, 2) });
    };
    const report = await syncOutbox(store, 7, send);
    expect(report).toEqual({ sent: 0, conflicts: 1, failed: 0 });
    const [conflict, step] = [...store.entries.values()];
    expect(conflict).toMatchObject({ state: 'conflict', problem: { code: 'CONFLICT', current: { value: 9, version: 2 } } });
    expect(step).toMatchObject({ state: 'waiting', write: verify });
  });

  it('settles a conflict where the server already holds the same value', async () => {
    const store = await storeWith(value('delivery', 8));
    const send: Send = async () => {
      throw new ApiError(409, 'CONFLICT', 'already exists', { current: stored('delivery', 8, 2) });
    };
    const seen: StoredValue[] = [];
    expect(await syncOutbox(store, 7, send, { onStored: (_p, s) => seen.push(s) })).toEqual({ sent: 1, conflicts: 0, failed: 0 });
    expect(seen.map((s) => s.version)).toEqual([2]);
    expect(store.entries.size).toBe(0);
  });

  it('keeps everything waiting when the network is gone or the session ended', async () => {
    const store = await storeWith(value('consultation', 98), value('delivery', 8));
    const offline: Send = async () => {
      throw new ApiError(0, 'NETWORK', 'no connection to the server');
    };
    expect(await syncOutbox(store, 7, offline)).toEqual({ sent: 0, conflicts: 0, failed: 0, stopped: 'offline' });
    const ended: Send = async () => {
      throw new ApiError(401, 'UNAUTHENTICATED', 'sign in');
    };
    expect((await syncOutbox(store, 7, ended)).stopped).toBe('session');
    expect([...store.entries.values()].map((entry) => entry.state)).toEqual(['waiting', 'waiting']);
  });

  it('marks a refused value failed with the server’s code and message, and sends the rest', async () => {
    const store = await storeWith(value('delivery', 8), value('consultation', 98));
    const send: Send = async (_programme, write) => {
      if (write.kind === 'value' && write.activity === 'delivery') throw new ApiError(423, 'LOCKED', 'period 202407 of package quantity is validated');
      return stored('consultation', 98);
    };
    expect(await syncOutbox(store, 7, send)).toEqual({ sent: 1, conflicts: 0, failed: 1 });
    expect([...store.entries.values()]).toMatchObject([{ state: 'failed', problem: { status: 423, code: 'LOCKED' } }]);
  });

  it('counts a step already taken as done, and leaves other users’ entries alone', async () => {
    const store = await storeWith(verify);
    await store.add({ userId: 8, programmeId: 'test_pbf', write: value('delivery', 3), queuedAt: NOW, state: 'waiting' });
    const send: Send = async () => {
      throw new ApiError(409, 'INVALID_STATE', 'is verified', { status: 'verified' });
    };
    expect(await syncOutbox(store, 7, send)).toEqual({ sent: 1, conflicts: 0, failed: 0 });
    expect([...store.entries.values()].map((entry) => entry.userId)).toEqual([8]);
  });
});
