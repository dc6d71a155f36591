import { describe, expect, it } from 'vitest';
import { Expiring } from './cache.ts';

/** Stands for a database handle. */
const db = {};

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
    const transaction = {};
    expect(await Promise.all([cache.getOrLoad('c', db, load), cache.getOrLoad('c', transaction, load)])).toEqual([2, 3]);
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
});
