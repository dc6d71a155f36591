import { describe, expect, it } from 'vitest';
import { suggest } from './suggest.ts';

describe('suggest', () => {
  it('prefers the same letters in another case over any closer typo', () => {
    expect(suggest('score', ['scorf', 'SCORE'])).toBe('SCORE');
    expect(suggest('Quantity', ['quality', 'quantity'])).toBe('quantity');
  });

  it('suggests the closest candidate within a third of the name length', () => {
    expect(suggest('quantty', ['quality', 'quantity'])).toBe('quantity');
    expect(suggest('verifed', ['declared', 'verified'])).toBe('verified');
    // Nine letters allow three edits, six letters two.
    expect(suggest('amountdue', ['amount_due_x'])).toBe('amount_due_x');
    expect(suggest('amount', ['amo'])).toBeUndefined();
  });

  it('allows one edit even in short names', () => {
    expect(suggest('ab', ['abc'])).toBe('abc');
    expect(suggest('ab', ['xyz'])).toBeUndefined();
  });

  it('takes the first of equally close candidates', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('gives nothing without candidates and reads any iterable', () => {
    expect(suggest('x', [])).toBeUndefined();
    expect(suggest('totl', new Set(['total', 'other']))).toBe('total');
  });
});
