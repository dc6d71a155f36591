import { describe, expect, it } from 'vitest';
import { namesIn } from './ast.ts';
import { parseFormula } from './parser.ts';

describe('namesIn', () => {
  it('lists every name read, in source order, with repeats and spans', () => {
    const result = parseFormula('a + f(b, NOT a) * -c.d');
    if (!result.ok) throw new Error(result.problem.key);
    expect(namesIn(result.expr).map(({ name, span }) => [name, span.start, span.end])).toEqual([
      ['a', 0, 1],
      ['b', 6, 7],
      ['a', 13, 14],
      ['c.d', 19, 22],
    ]);
  });

  it('finds none in a formula of numbers and functions', () => {
    const result = parseFormula('ROUND(1.5) + -2');
    if (!result.ok) throw new Error(result.problem.key);
    expect(namesIn(result.expr)).toEqual([]);
  });
});
