import { describe, expect, it } from 'vitest';
import { activitiesOf, firstMonthInForce, monthsUpTo, statusesOf, totalsByMonth, type MonthSheet, type PackageStatus } from './history.ts';

const status = (period: string, pkg: string, value: PackageStatus['status']): PackageStatus => ({
  package: pkg,
  period,
  status: value,
  locked: value === 'validated',
  updatedBy: null,
  updatedAt: null,
});

const SHEETS = new Map<string, MonthSheet>([
  [
    '202405',
    {
      period: '202405',
      packages: [status('202405', 'quantity', 'validated'), status('2024Q2', 'quality', 'open')],
      values: [
        { activity: 'consultation', state: 'declared', value: 63 },
        { activity: 'consultation', state: 'verified', value: 60 },
        { activity: 'consultation', state: 'validated', value: 60 },
        { activity: 'delivery', state: 'declared', value: 42 },
        { activity: 'delivery', state: 'verified', value: 40 },
        { activity: 'hygiene', state: 'points', value: 8 },
      ],
    },
  ],
  [
    '202406',
    {
      period: '202406',
      packages: [status('202406', 'quantity', 'declared'), status('2024Q2', 'quality', 'open')],
      values: [
        { activity: 'consultation', state: 'declared', value: 10 },
        { activity: 'delivery', state: 'declared', value: 5 },
        { activity: 'delivery', state: 'verified', value: 0 },
      ],
    },
  ],
]);

describe('a facility’s history', () => {
  it('lists the twelve months up to a month, across a year', () => {
    expect(monthsUpTo('202403', 12)).toEqual(['202304', '202305', '202306', '202307', '202308', '202309', '202310', '202311', '202312', '202401', '202402', '202403']);
    expect(firstMonthInForce(['202407', '2024Q1', '2025'])).toBe('202401');
    expect(firstMonthInForce([])).toBeUndefined();
  });

  it('sums each state per month, with the gap measured as risk classes measure it', () => {
    expect(totalsByMonth(['202404', '202405', '202406'], SHEETS)).toEqual([
      { period: '202404', declared: null, verified: null, validated: null, gap: null },
      { period: '202405', declared: 105, verified: 100, validated: 60, gap: 0.05 },
      { period: '202406', declared: 15, verified: 0, validated: null, gap: 1 },
    ]);
    expect(totalsByMonth(['202405'], SHEETS, 'delivery')).toEqual([{ period: '202405', declared: 42, verified: 40, validated: null, gap: 0.05 }]);
    expect(activitiesOf(SHEETS.values())).toEqual(['consultation', 'delivery']);
  });

  it('lists each package’s status once per period, newest first', () => {
    expect(statusesOf(SHEETS.values()).map((s) => `${s.period} ${s.package} ${s.status}`)).toEqual([
      '202406 quantity declared',
      '202405 quantity validated',
      '2024Q2 quality open',
    ]);
  });
});
