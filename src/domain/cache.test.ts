import { describe, expect, it } from 'vitest';
import { Expiring } from './cache.ts';

describe('Expiring', () => {
  it('keeps a value for its time to live, then loads again', async () => {
    const cache = new Expiring<string, number>(1000);
    cache.set('a', 1, 0);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1000)).toBeUndefined();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.getOrLoad('b', load)).toBe(1);
    expect(await cache.getOrLoad('b', load)).toBe(1);
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
});
