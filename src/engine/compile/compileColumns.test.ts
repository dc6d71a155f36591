import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../formula/parser.ts';
import { Block } from './block.ts';
import { compileColumns } from './compileColumns.ts';
import { compileFormula, type NameBinding } from './compileFormula.ts';
import { FAULT } from './cursor.ts';
import type { Leaf } from './leaves.ts';

const scalar = (from: Leaf['from'], slot: number, fault: number = FAULT.none): NameBinding =>
  ({ kind: 'scalar', leaf: { from, slot, name: from, fault } }) as NameBinding;
const list = (over: 'activities' | 'inputs' | 'isNull' | 'constants', slot: number, fault: number = FAULT.none): NameBinding =>
  ({ kind: 'list', list: { over, slot, name: over, fault } }) as NameBinding;

/** What each name reads in an activity formula and in a package formula, faults included. */
const ACTIVITY_NAMES: Record<string, NameBinding> = {
  act0: scalar('activity', 0),
  act1: scalar('activity', 1, FAULT.noMatch),
  pkg0: scalar('package', 0),
  zone0: scalar('zone', 0),
  attr0: scalar('attribute', 0, FAULT.missingValue),
  in0: scalar('input', 0),
  in0_null: scalar('isNull', 0),
  in1: scalar('input', 1),
  const0: scalar('constant', 0, FAULT.missingValue),
};
const PACKAGE_NAMES: Record<string, NameBinding> = {
  pkg0: scalar('package', 0),
  pkg1: scalar('package', 1, FAULT.noMatch),
  zone0: scalar('zone', 0),
  attr0: scalar('attribute', 0, FAULT.missingValue),
  lact0: list('activities', 0),
  lact1: list('activities', 1, FAULT.noMatch),
  lin0: list('inputs', 0),
  lin0_null: list('isNull', 0),
  lconst0: list('constants', 0, FAULT.missingValue),
};

/** Formula text over the given scalar names and lists, with every operator and function. */
function formulas(scalars: string[], lists: string[]) {
  const number = fc.constantFrom('0', '1', '2', '0.1', '0.5', '10', '1000');
  const leaf = fc.oneof(number, fc.constantFrom(...scalars));
  const op = fc.constantFrom('+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>=', 'AND', 'OR');
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      leaf,
      fc.tuple(tie('expr'), op, tie('expr')).map(([a, o, b]) => `(${a} ${o} ${b})`),
      fc.tuple(tie('expr'), op, number).map(([a, o, k]) => `(${a} ${o} ${k})`),
      tie('expr').map((a) => `-(${a})`),
      tie('expr').map((a) => `NOT(${a})`),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `IF(${a}, ${b}, ${c})`),
      fc.tuple(fc.constantFrom('ABS', 'ROUND', 'FLOOR', 'CEILING', 'MIN', 'MAX', 'AVG'), tie('expr')).map(([f, a]) => `${f}(${a})`),
      fc.tuple(fc.constantFrom('SAFE_DIV', 'ROUND', 'AND', 'OR', 'MIN', 'MAX', 'SUM', 'AVG', 'COUNT'), tie('expr'), tie('expr')).map(
        ([f, a, b]) => `${f}(${a}, ${b})`,
      ),
      fc.tuple(fc.constantFrom('MIN', 'MAX', 'AND'), tie('expr'), tie('expr'), tie('expr')).map(([f, a, b, c]) => `${f}(${a}, ${b}, ${c})`),
      tie('expr').map((a) => `SCORE_TABLE(${a}, 0, 1, 5, 1, 2, 7, 0)`),
      ...(lists.length > 0
        ? [
            fc.tuple(fc.constantFrom('SUM', 'MIN', 'MAX', 'AVG', 'COUNT'), fc.constantFrom(...lists), tie('expr')).map(
              ([f, l, a]) => `${f}(${l}, ${a})`,
            ),
            fc.tuple(fc.constantFrom('SUM', 'COUNT'), fc.constantFrom(...lists)).map(([f, l]) => `${f}(${l})`),
          ]
        : []),
    ),
  })).expr;
}

const value = fc.oneof(fc.constant(Number.NaN), fc.constantFrom(0, 1, -1, 2.5), fc.double({ min: -1000, max: 1000, noNaN: true }));
const values = (length: number) => fc.array(value, { minLength: length, maxLength: length }).map((v) => Float64Array.from(v));

/** A package run's arrays with random values, NaN included, and a block of its rows. */
function blocks(perActivity: boolean) {
  const UNITS = 9;
  const ZONES = 2;
  return fc
    .record({ rows: fc.integer({ min: 1, max: 6 }), activities: fc.integer({ min: 1, max: 4 }) })
    .chain(({ rows, activities }) =>
      fc.record({
        rows: fc.constant(rows),
        activities: fc.constant(activities),
        range: fc.tuple(fc.nat(rows - 1), fc.nat(rows - 1)).map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as const),
        units: fc.uniqueArray(fc.nat(UNITS - 1), { minLength: rows, maxLength: rows }),
        zoneOfRow: fc.array(fc.nat(ZONES - 1), { minLength: rows, maxLength: rows }),
        act: values(rows * activities * 2),
        pkg: values(rows * 2),
        zone: values(ZONES),
        attrs: values(UNITS),
        inputs: fc.array(values(UNITS), { minLength: activities * 2, maxLength: activities * 2 }),
        constants: values(activities),
      }),
    )
    .map((g) => {
      const b = new Block();
      b.units = Int32Array.from(g.units);
      b.zoneOfRow = Int32Array.from(g.zoneOfRow);
      b.zoneStride = 1;
      b.attributeCount = 1;
      b.per = perActivity ? g.activities : 1;
      b.start(...g.range);
      b.capacity = b.n;
      Object.assign(b.cursor, {
        act: g.act,
        actStride: 2,
        activityCount: g.activities,
        pkg: g.pkg,
        pkgStride: 2,
        zone: g.zone,
        attrs: g.attrs,
        inputs: g.inputs,
        inputCount: 2,
        constants: g.constants,
        constantCount: 1,
      });
      return b;
    });
}

/** The block's values one element at a time, as the closures of compileFormula give them. */
function oneAtATime(b: Block, source: string, names: Record<string, NameBinding>): number[] {
  const fn = compileFormula(parsed(source), (name) => names[name]!);
  const out: number[] = [];
  for (let row = b.rowStart; row < b.rowEnd; row++) {
    for (let a = 0; a < b.per; a++) {
      b.place(row, a);
      out.push(fn(b.cursor));
    }
  }
  return out;
}

function parsed(source: string) {
  const result = parseFormula(source);
  if (!result.ok) throw new Error(`bad generated formula ${source}`);
  return result.expr;
}

describe('formulas compiled to columns', () => {
  for (const [scope, names, perActivity] of [
    ['activity', ACTIVITY_NAMES, true],
    ['package', PACKAGE_NAMES, false],
  ] as const) {
    const lists = Object.keys(names).filter((name) => names[name]!.kind === 'list');
    const scalars = Object.keys(names).filter((name) => names[name]!.kind === 'scalar');

    it(`compute what one-at-a-time closures compute, NaN included (${scope} formulas)`, () => {
      fc.assert(
        fc.property(formulas(scalars, lists), blocks(perActivity), (source, b) => {
          const expected = oneAtATime(b, source, names);
          b.cursor.fault = FAULT.none;
          const columns = compileColumns(parsed(source), (name) => names[name]!)(b);
          expect([...columns.subarray(0, b.n)]).toEqual(expected);
          expect(b.cursor.fault).toBe(FAULT.none);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('computes a block again into the same columns, sized for the largest block', () => {
    const names = ACTIVITY_NAMES;
    const column = compileColumns(parsed('IF(in0 > 1, act0 * 2, SAFE_DIV(in1, attr0))'), (name) => names[name]!);
    fc.assert(
      fc.property(blocks(true), (b) => {
        const first = [...column(b).subarray(0, b.n)];
        expect([...column(b).subarray(0, b.n)]).toEqual(first);
        expect(first).toEqual(oneAtATime(b, 'IF(in0 > 1, act0 * 2, SAFE_DIV(in1, attr0))', names));
      }),
      { numRuns: 100 },
    );
  });
});
