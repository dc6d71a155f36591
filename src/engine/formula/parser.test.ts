import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { MAX_NESTING, parseFormula, type SyntaxProblem } from './parser.ts';
import { printFormula } from './print.ts';

function parsed(source: string): Expr {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(`${source}: ${result.problem.key}`);
  return result.expr;
}

function problem(source: string): SyntaxProblem {
  const result = parseFormula(source);
  if (result.ok) throw new Error(`${source} parsed`);
  return result.problem;
}

/** Fully parenthesised, so the test shows how the parser grouped the operands. */
function grouped(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'name':
      return expr.name;
    case 'negate':
      return `(-${grouped(expr.operand)})`;
    case 'not':
      return `(NOT ${grouped(expr.operand)})`;
    case 'binary':
      return `(${grouped(expr.left)} ${expr.op} ${grouped(expr.right)})`;
    case 'call':
      return `${expr.fn}(${expr.args.map(grouped).join(', ')})`;
  }
}

const group = (source: string) => grouped(parsed(source));

describe('precedence and associativity', () => {
  it.each([
    ['a OR b AND c', '(a OR (b AND c))'],
    ['a AND b OR c', '((a AND b) OR c)'],
    ['NOT a AND b', '((NOT a) AND b)'],
    ['a OR NOT b', '(a OR (NOT b))'],
    ['NOT a = b', '(NOT (a = b))'],
    ['NOT NOT a', '(NOT (NOT a))'],
    ['a = b AND c < d', '((a = b) AND (c < d))'],
    ['a + b = c - d', '((a + b) = (c - d))'],
    ['a + b * c', '(a + (b * c))'],
    ['a * b - c / d', '((a * b) - (c / d))'],
    ['-a * b', '((-a) * b)'],
    ['a * -b', '(a * (-b))'],
    ['--a', '(-(-a))'],
    ['-(a + b)', '(-(a + b))'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b / c', '((a / b) / c)'],
    ['a - (b - c)', '(a - (b - c))'],
    ['a < b = c', '((a < b) = c)'],
    ['a OR b OR c', '((a OR b) OR c)'],
    ['(a OR b) AND c', '((a OR b) AND c)'],
  ])('%s groups as %s', (source, expected) => {
    expect(group(source)).toBe(expected);
  });
});

describe('keywords, functions and aliases', () => {
  it('reads keywords and function names in any case, names as written', () => {
    expect(group('a and b Or not c')).toBe('((a AND b) OR (NOT c))');
    expect(group('if(Score, sum(x), Round(y, 2))')).toBe('IF(Score, SUM(x), ROUND(y, 2))');
    expect(group('score + Score')).toBe('(score + Score)');
  });

  it('reads == as = and <> as !=', () => {
    expect(parsed('a == b')).toMatchObject({ kind: 'binary', op: '=' });
    expect(parsed('a <> b')).toMatchObject({ kind: 'binary', op: '!=' });
    expect(group('a=b != c<>d')).toBe('(((a = b) != c) != d)');
  });

  it('reads NOT(x) as the NOT operator, binding like a function rather than a prefix', () => {
    expect(parsed('NOT(a)')).toMatchObject({ kind: 'not', span: { start: 0, end: 6 } });
    expect(parsed('not (a)')).toMatchObject({ kind: 'not', operand: { kind: 'name', name: 'a' } });
    expect(group('NOT(a) = b')).toBe('((NOT a) = b)');
    expect(group('NOT a = b')).toBe('(NOT (a = b))');
    expect(group('NOT(a) AND NOT(b OR c)')).toBe('((NOT a) AND (NOT (b OR c)))');
    // Any other argument count stays a call, for the arity check to report.
    expect(parsed('NOT(a, b)')).toMatchObject({ kind: 'call', fn: 'NOT' });
    expect(group('AND(a, b) OR or(c)')).toBe('(AND(a, b) OR OR(c))');
  });

  it('reads calls with no arguments and with dotted names', () => {
    expect(parsed('SUM()')).toMatchObject({ kind: 'call', fn: 'SUM', args: [] });
    expect(group('SUM(pkg.act.score, 1)')).toBe('SUM(pkg.act.score, 1)');
  });
});

describe('number literals', () => {
  it.each([
    ['12', 12],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['2.5e+1', 25],
    ['007', 7],
  ])('%s is %d', (source, value) => {
    expect(parsed(source)).toMatchObject({ kind: 'number', value });
  });

  it('reads a leading minus as negation, not as part of the literal', () => {
    expect(parsed('-1')).toMatchObject({ kind: 'negate', operand: { kind: 'number', value: 1 } });
  });
});

describe('spans', () => {
  it('locates every node in the source', () => {
    const expr = parsed('sum( x ) + -y');
    expect(expr).toMatchObject({
      kind: 'binary',
      span: { start: 0, end: 13 },
      left: { kind: 'call', span: { start: 0, end: 8 }, fnSpan: { start: 0, end: 3 }, args: [{ span: { start: 5, end: 6 } }] },
      right: { kind: 'negate', span: { start: 11, end: 13 }, operand: { span: { start: 12, end: 13 } } },
    });
    expect(parsed('NOT  a')).toMatchObject({ kind: 'not', span: { start: 0, end: 6 } });
  });
});

describe('syntax problems', () => {
  it.each<[string, SyntaxProblem['key'], SyntaxProblem['params'], number, number]>([
    ['', 'syntax.empty', {}, 0, 0],
    [' \t ', 'syntax.empty', {}, 0, 0],
    ['a + b # c', 'syntax.unexpectedChar', { char: '#' }, 6, 7],
    ['a ! b', 'syntax.unexpectedChar', { char: '!' }, 2, 3],
    ['a +', 'syntax.unexpectedEnd', { after: '+' }, 2, 3],
    ['a AND', 'syntax.unexpectedEnd', { after: 'AND' }, 2, 5],
    ['NOT', 'syntax.unexpectedEnd', { after: 'NOT' }, 0, 3],
    ['IF(', 'syntax.unexpectedEnd', { after: '(' }, 2, 3],
    ['a b', 'syntax.unexpectedToken', { token: 'b' }, 2, 3],
    ['1 2', 'syntax.unexpectedToken', { token: '2' }, 2, 3],
    ['a)', 'syntax.unexpectedToken', { token: ')' }, 1, 2],
    ['AND', 'syntax.unexpectedToken', { token: 'AND' }, 0, 3],
    ['a = NOT b', 'syntax.unexpectedToken', { token: 'NOT' }, 4, 7],
    ['(a + b', 'syntax.unclosedParen', { column: 1 }, 0, 1],
    ['x * f(a, b', 'syntax.unclosedParen', { column: 6 }, 5, 6],
    ['(a b)', 'syntax.unclosedParen', { column: 1 }, 3, 4],
    ['a + )', 'syntax.expectedValue', { token: ')' }, 4, 5],
    [', a', 'syntax.expectedValue', { token: ',' }, 0, 1],
    ['* 2', 'syntax.expectedValue', { token: '*' }, 0, 1],
    ['f(a,,b)', 'syntax.expectedValue', { token: ',' }, 4, 5],
  ])('%j: %s', (source, key, params, start, end) => {
    const found = problem(source);
    expect(found.key).toBe(key);
    expect(found.params).toEqual(params);
    expect({ start: found.span.start, end: found.span.end }).toEqual({ start, end });
  });
});

/** Formula pieces in any order: mostly wrong, reaching past the first token. */
const tokenSoup = fc.string({
  unit: fc.constantFrom('a', 'b.c', '1', '.5', '1e3', 'e', '(', ')', ',', ' ', '+', '-', '*', '/', '=', '==', '<', '>=', '<>', '!', 'NOT', 'and', 'Or', 'IF', 'sum', '#'),
  maxLength: 30,
});

/** Text put together by the grammar, without regard to precedence: mostly well formed. */
const { text: formulaLike } = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
    fc.constantFrom('a', 'b.c', 'Total_2', '1', '.5', '1e3', '0.25'),
    tie('text').map((inner) => `(${inner})`),
    tie('text').map((inner) => `-${inner}`),
    tie('text').map((inner) => `not ${inner}`),
    tie('text').map((inner) => `NOT(${inner})`),
    fc
      .tuple(tie('text'), fc.constantFrom('+', '-', '*', '/', '=', '==', '!=', '<>', '<', '<=', ' > ', '>=', ' and ', ' OR '), tie('text'))
      .map(([left, op, right]) => `${left}${op}${right}`),
    fc
      .tuple(fc.constantFrom('IF', 'sum', 'Max', 'round', 'SCORE_TABLE'), fc.array(tie('text'), { maxLength: 3 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
  ),
}));

describe('parseFormula on arbitrary text', () => {
  it('never throws, and a problem lies inside the source', () => {
    fc.assert(
      fc.property(fc.oneof(tokenSoup, formulaLike, fc.string({ unit: 'binary' })), (source) => {
        const result = parseFormula(source);
        if (result.ok) return;
        const { start, end } = result.problem.span;
        expect(0 <= start && start <= end && end <= source.length).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints whatever it parses as text that parses to the same tree', () => {
    fc.assert(
      fc.property(formulaLike, (source) => {
        const result = parseFormula(source);
        if (!result.ok) return;
        expect(group(printFormula(result.expr))).toBe(grouped(result.expr));
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at MAX_NESTING levels instead of overflowing the stack', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
    expect(parseFormula(nested(MAX_NESTING - 1)).ok).toBe(true);
    for (const source of [nested(5000), `${'-'.repeat(5000)}1`, `${'NOT '.repeat(5000)}1`, `${'f('.repeat(5000)}1`]) {
      expect(problem(source)).toMatchObject({ key: 'syntax.tooDeep', params: { limit: MAX_NESTING } });
    }
  });
});
