import { describe, expect, it } from 'vitest';
import { formatShare, readShare } from './shares.ts';

describe('funder shares in the browser', () => {
  it('shows a share as a percentage per locale', () => {
    expect(formatShare('0.6', 'en')).toBe('60%');
    expect(formatShare('0.333334', 'en')).toBe('33.3334%');
    expect(formatShare('0.5', 'fr').replace(/\s/g, ' ')).toBe('50 %');
  });

  it('accepts fractions above 0 up to 1, typed in the reader’s language', () => {
    expect(['0.6', '1', '1.0', '0.333333'].map((text) => readShare(text, 'en'))).toEqual(['0.6', '1', '1.0', '0.333333']);
    expect(readShare('0,6', 'fr')).toBe('0.6');
    expect(['0', '1.5', '60', '-0.2', '.25', '0.1234567', 'abc', '', '0,6'].map((text) => readShare(text, 'en'))).toEqual(Array(9).fill(undefined));
  });
});
