import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../../src/engine/index.ts';
import { FIELD_VERSION } from '../../../test/support/field.ts';
import { amountFormulaOf, bandOf, beyond, bonusBandsOf, discrepancy, isQuantityVerification, toleranceOf, verifierStates, type Package } from './rules.ts';

const program = loadProgram(FIELD_VERSION).program!;
const pkg = (code: string) => program.packages.find((candidate) => candidate.code === code)!;
const withFormulas = (activityFormulas: Record<string, string>, formulas: Record<string, string> = {}): Package => ({
  ...pkg('quantity'),
  activityFormulas,
  formulas,
});

describe('what the field screens read from a package', () => {
  it('tells the verifier’s states and the kind of screen', () => {
    expect(verifierStates(pkg('quantity'))).toEqual(['verified']);
    expect(verifierStates(pkg('quality'))).toEqual(['points', 'applicable']);
    expect(isQuantityVerification(pkg('quantity'))).toBe(true);
    expect(isQuantityVerification(pkg('community'))).toBe(false);
  });

  it('finds the tolerance in the formulas, written either way round', () => {
    expect(toleranceOf(pkg('quantity'))).toEqual({
      threshold: 0.1,
      strict: true,
      gapFormula: 'gap',
      source: { name: 'paid', formula: 'IF(gap > 0.1, 0, verified)' },
    });
    const reversed = toleranceOf(withFormulas({ ecart: 'SAFE_DIV(ABS(declared - verified), verified)', ok: 'IF(0.05 <= ecart, 0, 1)' }));
    expect(reversed).toMatchObject({ threshold: 0.05, strict: false, gapFormula: 'ecart', source: { name: 'ok' } });
    const inline = toleranceOf(withFormulas({ paid: 'IF(ABS(declared - verified) / verified > 0.2, 0, verified)' }));
    expect(inline).toMatchObject({ threshold: 0.2, strict: true, source: { name: 'paid' } });
  });

  it('falls back to 10% when no formula compares the gap', () => {
    expect(toleranceOf(withFormulas({ amount: 'verified * tariff' }))).toEqual({ threshold: 0.1, strict: true });
  });

  it('computes discrepancies as SAFE_DIV does and applies the comparison', () => {
    expect(discrepancy(100, 80)).toBe(0.25);
    expect(discrepancy(5, 0)).toBe(0);
    expect(beyond(0.1, { threshold: 0.1, strict: true })).toBe(false);
    expect(beyond(0.1, { threshold: 0.1, strict: false })).toBe(true);
  });

  it('finds the formula giving a line’s amount', () => {
    expect(amountFormulaOf(pkg('quantity'))).toBe('amount');
    expect(amountFormulaOf(withFormulas({ montant: 'verified * tariff' }, { total: 'SUM(montant)' }))).toBe('montant');
    expect(amountFormulaOf(pkg('quality'))).toBeUndefined();
  });

  it('reads the bonus bands of a score and the band a score falls in', () => {
    const bands = bonusBandsOf(pkg('quality'))!;
    expect(bands).toMatchObject({ name: 'bonus_rate', score: 'score', otherwise: 0 });
    expect(bands.bands).toHaveLength(4);
    expect(bandOf(bands, 0.7)).toEqual({ from: 0.7, to: 0.85, value: 0.2 });
    expect(bandOf(bands, 2)).toBeUndefined();
    expect(bonusBandsOf(pkg('quantity'))).toBeUndefined();
  });
});
