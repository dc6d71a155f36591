import { describe, expect, it } from 'vitest';
import { keepMine, planStep, planValueEdits, type OutboxEntry, type ValueWrite } from './outbox.ts';

const owner = { userId: 7, programmeId: 'test_pbf' };
const key = { orgUnit: 'cds_1', period: '202407', activity: 'delivery', state: 'verified' };
const NOW = '2024-08-02T09:00:00.000Z';

function queued(write: Partial<ValueWrite>, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { id: 1, ...owner, queuedAt: NOW, state: 'waiting', write: { kind: 'value', ...key, package: 'quantity', value: 8, ...write }, ...extra };
}

describe('saving into the outbox', () => {
  it('queues a new value with the version read, and nothing when the stored value is kept', () => {
    const plan = planValueEdits([], owner, [
      { key, package: 'quantity', value: 8, stored: { value: 10, version: 3 } },
      { key: { ...key, activity: 'consultation' }, package: 'quantity', value: 98 },
      { key: { ...key, activity: 'vaccination' }, package: 'quantity', value: 30, stored: { value: 30, version: 1 } },
    ], NOW);
    expect(plan.add.map((entry) => entry.write)).toEqual([
      { kind: 'value', ...key, package: 'quantity', value: 8, baseVersion: 3 },
      { kind: 'value', ...key, activity: 'consultation', package: 'quantity', value: 98 },
    ]);
    expect(plan.put).toEqual([]);
  });

  it('keeps the version first read when a queued value is edited again', () => {
    const plan = planValueEdits([queued({ baseVersion: 3 })], owner, [{ key, package: 'quantity', value: 9, stored: { value: 10, version: 3 } }], NOW);
    expect(plan.put).toEqual([queued({ baseVersion: 3, value: 9 })]);
  });

  it('drops a queued value edited back to the stored one', () => {
    const plan = planValueEdits([queued({ baseVersion: 3 })], owner, [{ key, package: 'quantity', value: 10, stored: { value: 10, version: 3 } }], NOW);
    expect(plan.remove).toEqual([1]);
  });

  it('leaves a conflict to be resolved, with the new value as the verifier’s', () => {
    const conflict = queued({ baseVersion: 3 }, { state: 'conflict', problem: { status: 409, code: 'CONFLICT', message: 'changed' } });
    const plan = planValueEdits([conflict], owner, [{ key, package: 'quantity', value: 7, stored: { value: 10, version: 3 } }], NOW);
    expect(plan.put).toEqual([{ ...conflict, write: { ...conflict.write, value: 7 } }]);
  });

  it('tries a failed value again when it is saved again', () => {
    const failed = queued({}, { state: 'failed', problem: { status: 400, code: 'VALIDATION', message: 'bad' } });
    const plan = planValueEdits([failed], owner, [{ key, package: 'quantity', value: 8 }], NOW);
    expect(plan.put).toEqual([queued({})]);
  });

  it('does not touch another user’s entries', () => {
    const theirs = queued({}, { userId: 8 });
    const plan = planValueEdits([theirs], owner, [{ key, package: 'quantity', value: 5 }], NOW);
    expect(plan.add).toHaveLength(1);
    expect(plan.put).toEqual([]);
  });

  it('queues a workflow step once', () => {
    const step = { kind: 'step', orgUnit: 'cds_1', period: '202407', package: 'quantity', step: 'verify' } as const;
    const first = planStep([], owner, step, NOW);
    expect(first.add).toHaveLength(1);
    expect(planStep([{ ...first.add[0]!, id: 4 }], owner, step, NOW).add).toEqual([]);
  });

  it('keeps mine over the version the server has now', () => {
    const current = { ...key, value: 12, version: 5, updatedBy: null, updatedAt: NOW };
    const conflict = queued({ baseVersion: 3 }, { state: 'conflict', problem: { status: 409, code: 'CONFLICT', message: 'changed', current } });
    expect(keepMine(conflict)).toEqual(queued({ baseVersion: 5 }));
    const vanished = { ...conflict, problem: { ...conflict.problem!, current: null } };
    expect(keepMine(vanished).write).toEqual({ kind: 'value', ...key, package: 'quantity', value: 8 });
  });
});
