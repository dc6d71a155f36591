import { describe, expect, it } from 'vitest';
import { registerResult, sameAmount, sum } from './totals.ts';

describe('totals', () => {
  it('adds without float noise', () => {
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(sameAmount(sum([0.1, 0.2]), 0.3)).toBe(true);
    expect(sameAmount(120, 121)).toBe(false);
  });

  it('checks the grid against the paper register, read in the clerk’s language', () => {
    expect(registerResult('', 190, 'fr')).toBe('missing');
    expect(registerResult('cent', 190, 'fr')).toBe('invalid');
    expect(registerResult('190', 190, 'fr')).toBe('matches');
    expect(registerResult('200', 190, 'fr')).toBe('differs');
    expect(registerResult('1 234,5', 1234.5, 'fr')).toBe('matches');
    expect(registerResult('1,234', 1234, 'en')).toBe('matches');
    expect(registerResult('12,5', 125, 'en')).toBe('invalid');
  });
});
