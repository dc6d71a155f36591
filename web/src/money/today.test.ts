import { describe, expect, it } from 'vitest';
import { isoToday } from './today.ts';

describe('today on the money screens', () => {
  it('is the reader’s calendar date, padded', () => {
    expect(isoToday(new Date(2025, 2, 9))).toBe('2025-03-09');
    expect(isoToday(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});
