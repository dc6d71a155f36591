import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, acceptsArgumentCount } from '../functions/catalogue.ts';
import type { BinaryOp, Expr } from './ast.ts';
import { KEYWORDS } from './lexer.ts';
import { parseFormula } from './parser.ts';
import { formatNumber, printFormula } from './print.ts';

function parsed(source: string): Expr {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(`${source}: ${result.problem.key}`);
  return result.expr;
}

const SPAN = { start: 0, end: 0 };
const name = (text: string): Expr => ({ kind: 'name', name: text, span: SPAN });
const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: SPAN });

/** The tree without its source locations. */
const withoutSpans = (expr: Expr): unknown =>
  JSON.parse(JSON.stringify(expr, (key, value: unknown) => (key === 'span' || key === 'fnSpan' ? undefined : value)));

describe('printFormula', () => {
  it.each([
    ['a+b*c', 'a + b * c'],
    ['(a+b)*c', '(a + b) * c'],
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['((a))', 'a'],
    ['-(a+b)', '-(a + b)'],
    ['-(-a)', '--a'],
    ['-a*b', '-a * b'],
    ['(NOT a) = b', 'NOT(a) = b'],
    ['not a = b', 'NOT(a = b)'],
    ['not a and (b or c)', 'NOT(a) AND (b OR c)'],
    ['not(a, b)', 'NOT(a, b)'],
    ['a==b', 'a = b'],
    ['a<>b', 'a != b'],
    ['if(x>=1,.5,1e3)', 'IF(x >= 1, 0.5, 1000)'],
    ['score_table(x, 0, 1, 2, 3)', 'SCORE_TABLE(x, 0, 1, 2, 3)'],
    ['1e21 + 1e-7', '1e+21 + 1e-7'],
  ])('prints %s as %s', (source, expected) => {
    expect(printFormula(parsed(source))).toBe(expected);
  });

  it('shows names through the renderer', () => {
    expect(printFormula(parsed('a + f(b)'), (text) => `[${text}]`)).toBe('[a] + F([b])');
  });

  it('parenthesises negative numbers so they read as one operand', () => {
    expect(formatNumber(-1.5)).toBe('(-1.5)');
    expect(formatNumber(2)).toBe('2');
    expect(printFormula(binary('-', name('a'), { kind: 'number', value: -1, span: SPAN }))).toBe('a - (-1)');
  });

  // NOT is printed as a call: `NOT (a + b) * c` would read as NOT applied to (a + b) only.
  it.each([
    ['a AND b', binary('AND', name('a'), name('b')), 'NOT(a AND b)'],
    ['(a + b) * c', binary('*', binary('+', name('a'), name('b')), name('c')), 'NOT((a + b) * c)'],
  ])('prints NOT over %s as text that parses back to the same tree', (_, operand, text) => {
    const expr: Expr = { kind: 'not', operand, span: SPAN };
    expect(printFormula(expr)).toBe(text);
    expect(withoutSpans(parsed(text))).toEqual(withoutSpans(expr));
  });
});

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,5}$/);
const nameText = fc
  .array(identifier, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('.'))
  .filter((text) => !KEYWORDS.has(text.toUpperCase()));

const OPS: BinaryOp[] = ['+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>=', 'AND', 'OR'];

/** A function of the catalogue with an argument count it accepts; NOT(x) is the `not` node. */
const callShape = fc.constantFrom(...FUNCTIONS.filter((spec) => spec.name !== 'NOT')).chain((spec) => {
  const counts = [0, 1, 2, 3, 4, 5, 6, 7, 8].filter((count) => acceptsArgumentCount(spec.arity, count));
  return fc.record({ fn: fc.constant(spec.name), count: fc.constantFrom(...counts) });
});

const { expr: exprArbitrary } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 6 },
    fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((value): Expr => ({ kind: 'number', value, span: SPAN })),
    nameText.map(name),
    tie('expr').map((operand): Expr => ({ kind: 'negate', operand, span: SPAN })),
    tie('expr').map((operand): Expr => ({ kind: 'not', operand, span: SPAN })),
    fc.tuple(fc.constantFrom(...OPS), tie('expr'), tie('expr')).map(([op, left, right]) => binary(op, left, right)),
    callShape.chain(({ fn, count }) =>
      fc
        .array(tie('expr'), { minLength: count, maxLength: count })
        .map((args): Expr => ({ kind: 'call', fn, args, span: SPAN, fnSpan: SPAN })),
    ),
  ),
}));

describe('printFormula and parseFormula', () => {
  it('parse the printed text of any tree back to the same tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const text = printFormula(expr);
        expect(withoutSpans(parsed(text)), text).toEqual(withoutSpans(expr));
      }),
      { numRuns: 1000 },
    );
  });
});
