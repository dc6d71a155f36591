import { describe, expect, it } from 'vitest';
import type { StoredValue } from './api.ts';
import { effectiveValue, planSave, type Draft } from './cells.ts';

const stored = (value: number, version: number): StoredValue => ({
  orgUnit: 'cds_1',
  period: '202403',
  activity: 'consultation',
  state: 'declared',
  value,
  version,
  updatedBy: null,
  updatedAt: '2024-04-02T08:00:00Z',
});
const draft = (text: string, base?: number): Draft => ({ text, base, phase: 'editing' });

describe('saving a cell', () => {
  it('writes over the version the clerk saw', () => {
    expect(planSave(draft('12'), undefined, 'fr', undefined)).toEqual({ kind: 'put', value: 12, version: undefined });
    expect(planSave(draft('12,5', 3), stored(10, 4), 'fr', undefined)).toEqual({ kind: 'put', value: 12.5, version: 3 });
  });

  it('writes nothing when the value is already stored or the cell stays empty', () => {
    expect(planSave(draft('10', 3), stored(10, 4), 'fr', undefined)).toEqual({ kind: 'drop' });
    expect(planSave(draft(' '), undefined, 'fr', undefined)).toEqual({ kind: 'drop' });
  });

  it('refuses what cannot be stored', () => {
    expect(planSave(draft('', 1), stored(10, 1), 'fr', undefined)).toEqual({ kind: 'invalid', problem: { code: 'cannotClear' } });
    expect(planSave(draft('-1'), undefined, 'fr', undefined)).toEqual({ kind: 'invalid', problem: { code: 'negative' } });
  });

  it('reads 12,5 in English as nothing it could be mistaken for, and 12.5 events as no count', () => {
    expect(planSave(draft('12,5'), undefined, 'en', undefined)).toEqual({ kind: 'invalid', problem: { code: 'otherWriting', readings: [12.5] } });
    expect(planSave(draft('12.5'), undefined, 'en', 'count')).toEqual({ kind: 'invalid', problem: { code: 'wrongType', reason: 'notWhole', value: 12.5 } });
    expect(planSave(draft('1 234,5'), undefined, 'fr', 'score')).toEqual({ kind: 'put', value: 1234.5, version: undefined });
  });

  it('counts a valid draft in totals, else the stored value', () => {
    expect(effectiveValue(draft('7'), stored(10, 1), 'fr', undefined)).toBe(7);
    expect(effectiveValue(draft('x'), stored(10, 1), 'fr', undefined)).toBe(10);
    expect(effectiveValue(draft('7.5'), stored(10, 1), 'en', 'count')).toBe(10);
    expect(effectiveValue(undefined, undefined, 'fr', undefined)).toBeUndefined();
  });
});
