import { describe, expect, it } from 'vitest';
import { cellKey, cellsOf, currentValue, editsOf, engineEntries, isInvalid, parseValue } from './cells.ts';
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
  it('reads typed numbers with a dot or a comma, as the server stores them', () => {
    expect(parseValue(' 12 ')).toEqual({ kind: 'number', value: 12 });
    expect(parseValue('3,5')).toEqual({ kind: 'number', value: 3.5 });
    expect(parseValue('')).toEqual({ kind: 'empty' });
    expect(parseValue('-1')).toEqual({ kind: 'invalid' });
    expect(parseValue('1.23456')).toEqual({ kind: 'invalid' });
    expect(parseValue('douze')).toEqual({ kind: 'invalid' });
  });

  it('shows what is typed over what waits over what is stored', () => {
    const input = {
      orgUnit: 'cds_1',
      period: '202407',
      pkg: 'quantity',
      activities: ['delivery', 'consultation'],
      states: ['declared', 'verified'],
      stored: [stored('delivery', 'declared', 10), stored('delivery', 'verified', 9), stored('consultation', 'verified', 40, '202408')],
      queued: [queued('delivery', 8)],
      drafts: { [cellKey('consultation', 'verified')]: '41' },
    };
    const cells = cellsOf(input);
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
    expect(isInvalid({ stored: stored('delivery', 'verified', 9), draft: '' })).toBe(true);
    expect(isInvalid({ draft: '' })).toBe(false);
    expect(isInvalid({ draft: 'x' })).toBe(true);
  });
});
