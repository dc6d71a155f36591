import { describe, expect, it } from 'vitest';
import { unitBars, unitBarsHeight } from './chartOptions.ts';

describe('unitBars', () => {
  const names = ['District sanitaire Ngozi Centre', 'District sanitaire Ngozi Nord', 'District sanitaire Ngozi Sud'];

  it('writes long unit names down the side, wrapped whole, not cut to the same first letters', () => {
    const axis = unitBars(names).yAxis as { type: string; data: string[]; axisLabel: { width: number; overflow: string; interval: number } };
    expect(axis.type).toBe('category');
    expect(axis.data).toEqual(names);
    expect(axis.axisLabel.overflow).toBe('break');
    expect(axis.axisLabel.interval).toBe(0);
    // Half of "District sanitaire Ngozi Centre" (about 190 px at 12 px) on each of two lines.
    expect(axis.axisLabel.width).toBeGreaterThanOrEqual(150);
  });

  it('grows with the number of units so that bars and names keep their room', () => {
    expect(unitBarsHeight(18)).toBeGreaterThan(unitBarsHeight(3));
    expect(unitBarsHeight(18) / 18).toBeGreaterThanOrEqual(40);
  });
});
