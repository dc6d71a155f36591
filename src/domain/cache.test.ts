import { PgTransaction } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Db, Tx } from '../store/database.ts';
import { transaction } from '../store/transaction.ts';
import { Expiring } from './cache.ts';

/** Stand for a database handle and a transaction's. */
const db = {} as Db;
const aTransaction = () => Object.create(PgTransaction.prototype) as Tx;

describe('Expiring', () => {
  it('keeps a value for its time to live, then loads again', async () => {
    const cache = new Expiring<string, number>(1000);
    cache.set('a', 1, 0);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1000)).toBeUndefined();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('b', db, load)).toBe(1);
    expect(await cache.getOrLoad('b', db, load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('forgets matching entries, and everything when full', () => {
    const cache = new Expiring<string, number>(1000, 2);
    cache.set('p1:a', 1);
    cache.set('p2:a', 2);
    cache.forget((key) => key.startsWith('p1:'));
    expect([cache.get('p1:a'), cache.get('p2:a')]).toEqual([undefined, 2]);
    cache.set('p3:a', 3);
    cache.set('p4:a', 4);
    expect(cache.get('p2:a')).toBeUndefined();
    expect(cache.get('p4:a')).toBe(4);
  });

  it('shares one load among those asking at once through one handle, and keeps only what `keep` accepts', async () => {
    const cache = new Expiring<string, number | undefined>(1000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.getOrLoad('a', db, load), cache.getOrLoad('a', db, load)])).toEqual([1, 1]);
    expect(loads).toBe(1);
    expect(await Promise.all([cache.getOrLoad('c', db, load), cache.getOrLoad('c', aTransaction(), load)])).toEqual([2, 3]);
    expect(cache.get('c')).toBe(2);
    const missing = async () => undefined;
    expect(await cache.getOrLoad('b', db, missing, (value) => value !== undefined)).toBeUndefined();
    expect(await cache.getOrLoad('b', db, load, (value) => value !== undefined)).toBe(4);
  });

  it('does not store a load that a forget overtook, nor a failed one', async () => {
    const cache = new Expiring<string, number>(1000);
    let release!: (value: number) => void;
    const slow = cache.getOrLoad('a', db, () => new Promise<number>((resolve) => (release = resolve)));
    cache.forget();
    release(1);
    expect(await slow).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    await expect(cache.getOrLoad('b', db, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.getOrLoad('b', db, async () => 2)).toBe(2);
  });

  it('keeps nothing read in a transaction, which may see writes never committed, until it commits', async () => {
    const cache = new Expiring<string, number>(1000);
    expect(await cache.getOrLoad('a', aTransaction(), async () => 1)).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    cache.setRead('b', 2, aTransaction(), cache.generation());
    expect(cache.get('b')).toBeUndefined();
    const database = { transaction: (command: (tx: Tx) => Promise<void>) => command(aTransaction()) } as unknown as Db;
    await transaction(database, async (handle) => {
      expect(await cache.getOrLoad('c', handle, async () => 3)).toBe(3);
      expect(cache.get('c')).toBeUndefined();
    });
    expect(cache.get('c')).toBe(3);
    const failing = transaction(database, async (handle) => {
      await cache.getOrLoad('d', handle, async () => 4);
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    expect(cache.get('d')).toBeUndefined();
  });

  it('does not keep what a transaction read once the transaction changed it', async () => {
    const cache = new Expiring<string, number>(1000);
    const database = { transaction: (command: (tx: Tx) => Promise<void>) => command(aTransaction()) } as unknown as Db;
    await transaction(database, async (handle) => {
      expect(await cache.getOrLoad('a', handle, async () => 1)).toBe(1);
      cache.forgetChanged(handle);
      expect(await cache.getOrLoad('b', handle, async () => 2)).toBe(2);
    });
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });

  it('forgets a change again once it commits, so the old rows read meanwhile are not kept', async () => {
    const cache = new Expiring<string, number>(1000);
    const tx = aTransaction();
    const database = { transaction: (command: (tx: Tx) => Promise<void>) => command(tx) } as unknown as Db;
    await transaction(database, async (handle) => {
      cache.forgetChanged(handle);
      // Another request reads the rows the change has not yet replaced for everyone.
      expect(await cache.getOrLoad('a', db, async () => 1)).toBe(1);
      expect(cache.get('a')).toBe(1);
    });
    expect(cache.get('a')).toBeUndefined();
  });
});
