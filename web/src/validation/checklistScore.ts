import { parseFormula } from '../../../src/engine/index.ts';
import type { Expr } from '../../../src/engine/formula/ast.ts';
import type { Figures } from '../field/compute.ts';
import { bonusBandsOf, type Package } from '../field/rules.ts';
import { sum } from '../entry/totals.ts';

/** A checklist's score as its formulas write it: `score = SAFE_DIV(SUM(obtained), SUM(available))`. */
export interface ScoreFormula {
  /** The package formula giving the score. */
  readonly score: string;
  /** The activity formulas the score adds up: the points obtained, and the points available. */
  readonly obtained: string;
  readonly available: string;
}

/** The checklist's points and score as the engine computes them. */
export interface ChecklistScore {
  /** Each item's points obtained and available. */
  readonly items: ReadonlyMap<string, { readonly obtained: number | undefined; readonly available: number | undefined }>;
  readonly obtained: number;
  readonly available: number;
  /** The score formula's value: obtained over available, usually a share of 1. */
  readonly score: number | undefined;
}

/**
 * The package formula that divides one activity formula's sum by another's, read from the
 * programme's formulas (a SCORE_TABLE's score first, as the bonus reads it), not from names.
 */
export function scoreFormulaOf(pkg: Package): ScoreFormula | undefined {
  const banded = bonusBandsOf(pkg)?.score;
  const names = banded !== undefined ? [banded, ...Object.keys(pkg.formulas).filter((name) => name !== banded)] : Object.keys(pkg.formulas);
  for (const name of names) {
    const formula = pkg.formulas[name];
    const parsed = formula === undefined ? undefined : parseFormula(formula);
    if (!parsed?.ok) continue;
    const parts = divisionOfSums(parsed.expr, pkg);
    if (parts) return { score: name, ...parts };
  }
  return undefined;
}

/** Obtained and available summed over the checklist's items, and its score. */
export function checklistScore(pkg: Package, formula: ScoreFormula, figures: Figures): ChecklistScore {
  const items = new Map(
    pkg.activities.map((activity) => [activity.code, { obtained: figures.activity(activity.code, formula.obtained), available: figures.activity(activity.code, formula.available) }]),
  );
  const total = (part: 'obtained' | 'available') => sum([...items.values()].map((item) => item[part] ?? 0));
  return { items, obtained: total('obtained'), available: total('available'), score: figures.formula(formula.score) };
}

function divisionOfSums(expr: Expr, pkg: Package): { obtained: string; available: string } | undefined {
  const [top, bottom] =
    expr.kind === 'call' && expr.fn === 'SAFE_DIV' && expr.args.length === 2
      ? expr.args
      : expr.kind === 'binary' && expr.op === '/'
        ? [expr.left, expr.right]
        : [];
  const obtained = top && summed(top, pkg);
  const available = bottom && summed(bottom, pkg);
  return obtained && available ? { obtained, available } : undefined;
}

/** `SUM(x)` of an activity formula `x`. */
function summed(expr: Expr, pkg: Package): string | undefined {
  if (expr.kind !== 'call' || expr.fn !== 'SUM' || expr.args.length !== 1) return undefined;
  const [arg] = expr.args;
  return arg?.kind === 'name' && arg.name in pkg.activityFormulas ? arg.name : undefined;
}
