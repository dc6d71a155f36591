import { describe, expect, it } from 'vitest';
import { effectiveValue } from '../entry/cells.ts';
import { cellKey, cellProblem, cellsOf, cellText, currentValue, editsOf, engineEntries, type SheetInput } from './cells.ts';
import type { OutboxEntry, StoredValue } from './offline/outbox.ts';

const NOW = '2024-08-02T09:00:00.000Z';
const stored = (activity: string, state: string, value: number, period = '202407'): StoredValue => ({
  orgUnit: 'cds_1',
  period,
  activity,
  state,
  value,
  version: 2,
  updatedBy: null,
  updatedAt: NOW,
});
const queued = (activity: string, value: number, period = '202407'): OutboxEntry => ({
  id: 1,
  userId: 7,
  programmeId: 'test_pbf',
  queuedAt: NOW,
  state: 'waiting',
  write: { kind: 'value', orgUnit: 'cds_1', period, activity, state: 'verified', package: 'quantity', value, baseVersion: 2 },
});

describe('entry cells', () => {
  const sheet = (drafts: Record<string, string>, overrides: Partial<SheetInput> = {}): SheetInput => ({
    orgUnit: 'cds_1',
    period: '202407',
    pkg: 'quantity',
    activities: ['delivery', 'consultation'],
    states: ['declared', 'verified'],
    stored: [],
    queued: [],
    drafts,
    locale: 'en',
    inputTypes: undefined,
    ...overrides,
  });
  const typed = (text: string, overrides: Partial<SheetInput> = {}) =>
    cellsOf(sheet({ [cellKey('delivery', 'verified')]: text }, overrides)).get(cellKey('delivery', 'verified'))!;

  it('reads typed numbers as the clerk’s grid does, in the verifier’s language', () => {
    expect(currentValue(typed(' 12 '))).toBe(12);
    expect(currentValue(typed('1,100'))).toBe(1100);
    expect(currentValue(typed('1,100', { locale: 'fr' }))).toBe(1.1);
    expect(currentValue(typed('1 234,5', { locale: 'fr' }))).toBe(1234.5);
    expect(cellProblem(typed('12,5'))).toEqual({ code: 'otherWriting', readings: [12.5] });
    expect(cellProblem(typed('-1'))).toEqual({ code: 'negative' });
    expect(cellProblem(typed('1.23456'))).toEqual({ code: 'decimals' });
    expect(cellProblem(typed('douze'))).toEqual({ code: 'notNumber', readings: [] });
  });

  // Issue 16: the field screen read `1,234` as 1.234 where the clerk's grid read 1234, and refused `1 234`.
  it.each([
    ['en', '1,234', 1234],
    ['en', '1 234', 1234],
    ['en', '1.234', 1.234],
    ['en', '1 234,5', undefined],
    ['fr', '1,234', 1.234],
    ['fr', '1 234', 1234],
    ['fr', '1.234', undefined],
    ['fr', '1 234,5', 1234.5],
  ] as const)('reads %s %j as the clerk’s grid does: %s', (locale, text, value) => {
    const cell = typed(text, { locale });
    expect(currentValue(cell)).toBe(value);
    expect(effectiveValue({ text, base: undefined, phase: 'editing' }, undefined, locale, undefined)).toBe(value);
    // Refused the way the grid refuses it, with both readings suggested where a reader could take it two ways.
    if (value === undefined) expect(cellProblem(cell)).toMatchObject({ code: 'otherWriting', readings: locale === 'en' ? [1234.5] : [1.234, 1234] });
  });

  it('refuses a value of the wrong type for the input', () => {
    const counts = { inputTypes: { verified: 'count' as const } };
    expect(cellProblem(typed('12.5', counts))).toEqual({ code: 'wrongType', reason: 'notWhole', value: 12.5 });
    expect(currentValue(typed('12.5', counts))).toBeUndefined();
    expect(editsOf(cellsOf(sheet({ [cellKey('delivery', 'verified')]: '12.5' }, counts)), 'cds_1', '202407', 'quantity')).toEqual([]);
  });

  it('shows a stored value for editing in the verifier’s writing', () => {
    expect(cellText({ stored: stored('delivery', 'verified', 1234.5) }, 'fr')).toBe('1234,5');
    expect(cellText({ stored: stored('delivery', 'verified', 1234.5) }, 'en')).toBe('1234.5');
  });

  it('shows what is typed over what waits over what is stored', () => {
    const cells = cellsOf(
      sheet(
        { [cellKey('consultation', 'verified')]: '41' },
        {
          stored: [stored('delivery', 'declared', 10), stored('delivery', 'verified', 9), stored('consultation', 'verified', 40, '202408')],
          queued: [queued('delivery', 8)],
        },
      ),
    );
    expect(currentValue(cells.get(cellKey('delivery', 'verified'))!)).toBe(8);
    expect(currentValue(cells.get(cellKey('consultation', 'verified'))!)).toBe(41);
    expect(cells.get(cellKey('consultation', 'declared'))).toEqual({});
    expect(editsOf(cells, 'cds_1', '202407', 'quantity')).toEqual([
      { key: { orgUnit: 'cds_1', period: '202407', activity: 'consultation', state: 'verified' }, package: 'quantity', value: 41, stored: undefined },
    ]);
    expect(engineEntries(cells, '202407', [stored('delivery', 'verified', 5, '2024Q3')], [queued('consultation', 3, '202408')])).toEqual([
      { period: '202407', activity: 'delivery', state: 'declared', value: 10 },
      { period: '202407', activity: 'delivery', state: 'verified', value: 8 },
      { period: '202407', activity: 'consultation', state: 'verified', value: 41 },
      { period: '2024Q3', activity: 'delivery', state: 'verified', value: 5 },
      { period: '202408', activity: 'consultation', state: 'verified', value: 3 },
    ]);
  });

  it('refuses to empty a value that exists: 0 says there is none', () => {
    expect(cellProblem(typed('', { stored: [stored('delivery', 'verified', 9)] }))).toEqual({ code: 'cannotClear' });
    expect(cellProblem(typed(''))).toBeUndefined();
  });
});
