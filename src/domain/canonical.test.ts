import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodePoints, canonicalJson, sha256Lines } from './canonical.ts';

describe('canonicalJson', () => {
  it('gives the same text whatever the order of keys, at any depth', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }, 'x'], b: 1 }));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('keeps every JSON value as it was', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('writes a row of plain values as JSON does, so the runs’ input hashes stay as they were', () => {
    const row = fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)));
    fc.assert(fc.property(row, (values) => canonicalJson(values) === JSON.stringify(values)));
    expect(sha256Lines([['cds_1', '202401', 'consultation', 'declared', '12.5000']])).toBe(
      '53ec726f484f09ae135a7b0f11bea46bd824e77d7207d43b303a0fa4fcaaec11',
    );
  });
});

describe('byCodePoints', () => {
  it('orders as PostgreSQL\u2019s "C" collation: by UTF-8 bytes', () => {
    expect(['u😀', 'uａ', 'ub', 'u', 'cds_2', 'cds_10'].sort(byCodePoints)).toEqual(['cds_10', 'cds_2', 'u', 'ub', 'uａ', 'u😀']);
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(text, text, text, (prefix, a, b) => {
        const [x, y] = [prefix + a, prefix + b];
        return Math.sign(byCodePoints(x, y)) === Math.sign(Buffer.compare(Buffer.from(x), Buffer.from(y)));
      }),
      { numRuns: 2000 },
    );
  });
});
