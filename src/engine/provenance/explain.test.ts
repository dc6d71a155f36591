import { describe, expect, it } from 'vitest';
import { readCase, repoPath } from '../../../test/support/cases.ts';
import { compute } from '../../../test/support/engine.ts';
import { explain } from './explain.ts';
import { renderExplanation } from './render.ts';

const contract = (name: string) => readCase(repoPath('test/contract', name)) as Parameters<typeof compute>[0] & { run: { orgUnits: string[]; periods: string[] } };

describe('explain', () => {
  const tariffs = contract('01-quantity-tariff-equity.json');
  const result = compute(tariffs, tariffs.run);

  it('gives the formula, the formula with its values, and the values read', () => {
    const explained = explain(result, 'cds_b', '202403', 'quantity_pma.with_equity')!;
    expect(explained).toMatchObject({
      value: 510000,
      source: 'formula',
      formula: { text: 'total * (1 + equity_bonus)', substituted: '425000 * (1 + 0.2)', recomputed: 510000 },
      program: { code: 'fbp_demo' },
    });
    expect(explained.reads.map((read) => read.name)).toEqual(['quantity_pma.total', 'quantity_pma.equity_bonus']);
  });

  it('names the decision-table row behind a tariff', () => {
    const tariff = explain(result, 'cds_b', '202403', 'quantity_pma.delivery.tariff')!;
    expect(tariff.table).toEqual({ table: 0, row: 1, cells: { activity: 'delivery', type: 'cds', tariff: 9000 } });
  });

  it('locates a constant at its own activity', () => {
    const verification = contract('02-verification-tolerance.json');
    const run = compute(verification, verification.run);
    expect(explain(run, 'cds_a', '202405', 'quantity.delivery.tariff')!.location).toBe('quantity.activities.delivery.constants.tariff');
  });

  it('lists the months summed into a quarterly input', () => {
    const zones = contract('04-zone-budget-cap-funders.json');
    const run = compute(zones, zones.run);
    expect(explain(run, 'cds_n1', '2024Q2', 'district_budget.consultation.verified')!.entries).toEqual([
      { period: '202404', value: 900 },
      { period: '202405', value: 850 },
      { period: '202406', value: 1000 },
    ]);
  });

  it('explains a value read twice once, and renders the tree in French', () => {
    const zones = contract('04-zone-budget-cap-funders.json');
    const run = compute(zones, zones.run);
    const text = renderExplanation(explain(run, 'cds_n1', '2024Q2', 'district_budget.capped')!, 'fr');
    expect(text).toContain('(expliqué plus haut)');
    expect(text).toContain('= MIN(1, SAFE_DIV(1000000, 2612000))');
    expect(text.split('\n').at(-1)).toBe('programme fbp_demo, version sans version');
  });

  it('answers undefined for a value the run did not compute', () => {
    expect(explain(result, 'hd_ngozi', '202403', 'quantity_pma.total')).toBeUndefined();
  });
});
