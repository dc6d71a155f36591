import { describe, expect, it } from 'vitest';
import { defaultPeriod, isEntryPeriod, relatedPeriods, shiftPeriod } from './periods.ts';

describe('visit periods', () => {
  it('takes months and quarters only', () => {
    expect(isEntryPeriod('202407')).toBe(true);
    expect(isEntryPeriod('2024Q3')).toBe(true);
    expect(isEntryPeriod('2024')).toBe(false);
    expect(isEntryPeriod('202413')).toBe(false);
  });

  it('proposes last month, across the new year', () => {
    expect(defaultPeriod(new Date(2024, 7, 15))).toBe('202407');
    expect(defaultPeriod(new Date(2025, 0, 3))).toBe('202412');
  });

  it('moves by months or quarters and links a month with its quarter', () => {
    expect(shiftPeriod('202412', 1)).toBe('202501');
    expect(shiftPeriod('202401', -1)).toBe('202312');
    expect(shiftPeriod('2024Q1', -1)).toBe('2023Q4');
    expect(relatedPeriods('202408')).toEqual(['2024Q3']);
    expect(relatedPeriods('2024Q3')).toEqual(['202407', '202408', '202409']);
  });
});
