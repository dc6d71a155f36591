import { describe, expect, it } from 'vitest';
import { FUNCTIONS, acceptsArgumentCount, describeArity, findFunction } from './catalogue.ts';

function apply(name: string, ...args: number[]): number {
  const spec = findFunction(name);
  if (!spec || spec.kind === 'conditional') throw new Error(`${name} is not applied directly`);
  return spec.kind === 'aggregate' ? spec.apply(args) : spec.apply(...args);
}

/** Argument counts from the formula-language contract. */
const CONTRACT_ARITY: Record<string, (count: number) => boolean> = {
  IF: (n) => n === 3,
  NOT: (n) => n === 1,
  ABS: (n) => n === 1,
  FLOOR: (n) => n === 1,
  CEILING: (n) => n === 1,
  ROUND: (n) => n === 1 || n === 2,
  SAFE_DIV: (n) => n === 2,
  AND: (n) => n >= 1,
  OR: (n) => n >= 1,
  MIN: (n) => n >= 1,
  MAX: (n) => n >= 1,
  SUM: (n) => n >= 1,
  AVG: (n) => n >= 1,
  COUNT: (n) => n >= 1,
  SCORE_TABLE: (n) => n >= 5 && (n - 2) % 3 === 0,
};

describe('FUNCTIONS', () => {
  it('holds exactly the functions of the contract, with its arities', () => {
    expect(FUNCTIONS.map((spec) => spec.name).sort()).toEqual(Object.keys(CONTRACT_ARITY).sort());
    for (const spec of FUNCTIONS) {
      for (let count = 0; count <= 20; count++) {
        expect(acceptsArgumentCount(spec.arity, count), `${spec.name} with ${count}`).toBe(
          CONTRACT_ARITY[spec.name]!(count),
        );
      }
    }
  });

  it('makes the list-taking functions aggregates and IF the only conditional', () => {
    const kinds = (kind: string) => FUNCTIONS.filter((spec) => spec.kind === kind).map((spec) => spec.name).sort();
    expect(kinds('aggregate')).toEqual(['AVG', 'COUNT', 'MAX', 'MIN', 'SUM']);
    expect(kinds('conditional')).toEqual(['IF']);
  });

  it('documents every function in English and French', () => {
    for (const spec of FUNCTIONS) {
      expect(spec.signature.startsWith(`${spec.name}(`)).toBe(true);
      expect(spec.summary.en).not.toBe('');
      expect(spec.summary.fr).not.toBe('');
    }
  });

  it('finds functions by upper-case name only', () => {
    expect(findFunction('SAFE_DIV')?.name).toBe('SAFE_DIV');
    expect(findFunction('safe_div')).toBeUndefined();
    expect(findFunction('POWER')).toBeUndefined();
  });
});

describe('describeArity', () => {
  it.each([
    ['IF', '3'],
    ['ROUND', '1-2'],
    ['SUM', '1+'],
    ['SCORE_TABLE', '5, 8, 11...'],
  ])('describes %s as %s', (name, text) => {
    expect(describeArity(findFunction(name)!.arity)).toBe(text);
  });
});

describe('aggregates', () => {
  it('give 0 for an empty list, COUNT included', () => {
    for (const name of ['SUM', 'AVG', 'MIN', 'MAX', 'COUNT']) expect(apply(name), name).toBe(0);
  });

  it('compute over the flattened values', () => {
    expect(apply('SUM', 1, 2, 3.5)).toBe(6.5);
    expect(apply('AVG', 1, 2, 4)).toBe(7 / 3);
    expect(apply('MIN', 3, -1, 2)).toBe(-1);
    expect(apply('MAX', -3, -1, -2)).toBe(-1);
    expect(apply('COUNT', 0, 0, 5)).toBe(3);
  });

  it('propagate NaN', () => {
    for (const name of ['SUM', 'AVG', 'MIN', 'MAX', 'COUNT']) expect(apply(name, 1, Number.NaN), name).toBeNaN();
  });
});

describe('scalar functions', () => {
  it('ABS, FLOOR, CEILING', () => {
    expect(apply('ABS', -3)).toBe(3);
    expect(apply('FLOOR', -1.5)).toBe(-2);
    expect(apply('FLOOR', 2.7)).toBe(2);
    expect(apply('CEILING', -1.5)).toBe(-1);
    expect(apply('CEILING', 2.1)).toBe(3);
  });

  it('ROUND defaults to 0 digits and rounds the printed decimal half away from zero', () => {
    expect(apply('ROUND', 2.5)).toBe(3);
    expect(apply('ROUND', -2.5)).toBe(-3);
    expect(apply('ROUND', 2.675, 2)).toBe(2.68);
    expect(apply('ROUND', 1250, -2)).toBe(1300);
  });

  it('SAFE_DIV gives 0 for a zero divisor and propagates NaN', () => {
    expect(apply('SAFE_DIV', 6, 3)).toBe(2);
    expect(apply('SAFE_DIV', 1, 0)).toBe(0);
    expect(apply('SAFE_DIV', 0, 0)).toBe(0);
    expect(apply('SAFE_DIV', -1, 0)).toBe(0);
    expect(apply('SAFE_DIV', Number.NaN, 0)).toBeNaN();
    expect(apply('SAFE_DIV', 1, Number.NaN)).toBeNaN();
  });

  it('AND, OR and NOT give 1 or 0, treating any non-zero as true, and propagate NaN', () => {
    expect(apply('AND', 1, 2, -3)).toBe(1);
    expect(apply('AND', 1, 0)).toBe(0);
    expect(apply('AND', 0, Number.NaN)).toBeNaN();
    expect(apply('OR', 0, 0)).toBe(0);
    expect(apply('OR', 0, -0.5)).toBe(1);
    expect(apply('OR', 1, Number.NaN)).toBeNaN();
    expect(apply('NOT', 0)).toBe(1);
    expect(apply('NOT', -2)).toBe(0);
    expect(apply('NOT', Number.NaN)).toBeNaN();
  });
});

describe('SCORE_TABLE', () => {
  // 0 below 50, 0.5 from 50 to below 80, 1 from 80 to below 101, else -1.
  const score = (x: number) => apply('SCORE_TABLE', x, 0, 50, 0, 50, 80, 0.5, 80, 101, 1, -1);

  it('gives v of the triple with lo <= x < hi', () => {
    expect(score(0)).toBe(0);
    expect(score(49.99)).toBe(0);
    expect(score(50)).toBe(0.5);
    expect(score(79.999)).toBe(0.5);
    expect(score(80)).toBe(1);
    expect(score(100.5)).toBe(1);
  });

  it('gives the default outside every range', () => {
    expect(score(101)).toBe(-1);
    expect(score(-0.01)).toBe(-1);
    expect(apply('SCORE_TABLE', 5, 10, 0, 7, 9)).toBe(9);
  });

  it('takes the first matching triple when ranges overlap', () => {
    expect(apply('SCORE_TABLE', 5, 0, 10, 1, 0, 10, 2, 0)).toBe(1);
    expect(apply('SCORE_TABLE', 5, 6, 10, 1, 0, 10, 2, 0)).toBe(2);
  });

  it('propagates NaN from any argument', () => {
    expect(score(Number.NaN)).toBeNaN();
    expect(apply('SCORE_TABLE', 5, 0, 10, Number.NaN, 0)).toBeNaN();
  });
});
