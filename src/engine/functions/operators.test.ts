import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS, negate, not } from './operators.ts';

const nan = Number.NaN;
const COMPARISONS = ['=', '!=', '<', '<=', '>', '>='] as const;

describe('OPERATORS', () => {
  it('do arithmetic on doubles', () => {
    expect(OPERATORS['+'](0.1, 0.2)).toBe(0.1 + 0.2);
    expect(OPERATORS['-'](1, 3)).toBe(-2);
    expect(OPERATORS['*'](-2, 2.5)).toBe(-5);
  });

  it.each([
    ['=', [1, 0, 0]],
    ['!=', [0, 1, 1]],
    ['<', [0, 1, 0]],
    ['<=', [1, 1, 0]],
    ['>', [0, 0, 1]],
    ['>=', [1, 0, 1]],
  ] as const)('%s gives 1 or 0 for equal, smaller and larger left operands', (op, [equal, smaller, larger]) => {
    expect([OPERATORS[op](2, 2), OPERATORS[op](1, 2), OPERATORS[op](3, 2)]).toEqual([equal, smaller, larger]);
  });

  it('give NaN from comparisons with a NaN operand, never a false 0', () => {
    for (const op of COMPARISONS) {
      expect(OPERATORS[op](nan, 1), `NaN ${op} 1`).toBeNaN();
      expect(OPERATORS[op](1, nan), `1 ${op} NaN`).toBeNaN();
      expect(OPERATORS[op](nan, nan), `NaN ${op} NaN`).toBeNaN();
    }
  });

  it('AND and OR treat non-zero as true and propagate NaN without short-circuit', () => {
    expect([OPERATORS.AND(2, -1), OPERATORS.AND(2, 0), OPERATORS.AND(0, 0)]).toEqual([1, 0, 0]);
    expect([OPERATORS.OR(0, 0.5), OPERATORS.OR(0, 0), OPERATORS.OR(-3, 0)]).toEqual([1, 0, 1]);
    expect(OPERATORS.AND(0, nan)).toBeNaN();
    expect(OPERATORS.AND(nan, 0)).toBeNaN();
    expect(OPERATORS.OR(1, nan)).toBeNaN();
    expect(OPERATORS.OR(nan, 1)).toBeNaN();
  });

  it('comparisons agree with JavaScript on numbers and give only 0 or 1', () => {
    const number = fc.double({ noNaN: true });
    fc.assert(
      fc.property(fc.constantFrom(...COMPARISONS), number, number, (op, a, b) => {
        const expected = { '=': a === b, '!=': a !== b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b }[op];
        expect(OPERATORS[op](a, b)).toBe(expected ? 1 : 0);
      }),
    );
  });
});

describe('unary operators', () => {
  it('negate flips the sign', () => {
    expect(negate(2)).toBe(-2);
    expect(negate(-0.5)).toBe(0.5);
  });

  it('not gives 1 for 0, 0 for anything else, NaN for NaN', () => {
    expect([not(0), not(1), not(-7), not(0.001)]).toEqual([1, 0, 0, 0]);
    expect(not(nan)).toBeNaN();
  });
});
