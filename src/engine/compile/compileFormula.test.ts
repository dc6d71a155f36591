import { describe, expect, it } from 'vitest';
import { parseFormula } from '../formula/parser.ts';
import { compileFormula, type NameBinding } from './compileFormula.ts';
import { Cursor, FAULT } from './cursor.ts';

describe('formulas compiled to one-value closures', () => {
  it('sums a list of constants afresh after a constant was missing', () => {
    const parsed = parseFormula('SUM(tariff)');
    if (!parsed.ok) throw new Error('parse');
    const tariff: NameBinding = { kind: 'list', list: { over: 'constants', slot: 0, name: 'tariff', fault: FAULT.missingValue } };
    const fn = compileFormula(parsed.expr, () => tariff);
    const c = new Cursor();
    c.activityCount = 3;
    c.constantCount = 1;
    c.constants = Float64Array.from([100, 200, Number.NaN]);
    expect(fn(c)).toBeNaN();
    expect([c.fault, c.faultName]).toEqual([FAULT.missingValue, 'tariff']);
    c.fault = FAULT.none;
    c.constants = Float64Array.from([1, 2, 3]);
    expect(fn(c)).toBe(6);
  });
});
