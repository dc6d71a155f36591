import { parseFormula, type Program } from '../../../src/engine/index.ts';
import { namesIn, type Expr } from '../../../src/engine/formula/ast.ts';
import { actionForState } from '../../../src/domain/dataValues/states.ts';

/**
 * What the field screens read from a package's own formulas: which states the verifier enters,
 * the verification tolerance, the formula giving a line's amount, and the bonus bands of a
 * score. Read from the parsed formulas, so each programme's rules, not assumptions, drive them.
 */
export type Package = Program['packages'][number];

/** The tolerance the screen applies when the formulas name none: PBF manuals' usual 10%. */
export const DEFAULT_TOLERANCE = 0.1;

/** States a verifier writes: all but the clerk's declaration and the committee's validation (as the server decides). */
export function verifierStates(pkg: Package): string[] {
  return pkg.inputs.filter((state) => actionForState(state) === 'data.verify');
}

/** Declared against verified: the quantity verification screen; any other package is a checklist. */
export function isQuantityVerification(pkg: Package): boolean {
  return pkg.inputs.includes('declared') && pkg.inputs.includes('verified');
}

export interface Tolerance {
  readonly threshold: number;
  /** `>`: a gap above the threshold is out; `>=`: at the threshold already. */
  readonly strict: boolean;
  /** The activity formula giving the gap, when the programme has one. */
  readonly gapFormula?: string;
  /** The formula holding the comparison, for the explanation; absent when the default applies. */
  readonly source?: { readonly name: string; readonly formula: string };
}

/**
 * The tolerance as the programme writes it: the first comparison of the gap (a formula reading
 * declared and verified, usually `gap`) with a number, e.g. `IF(gap > 0.1, 0, verified)`.
 */
export function toleranceOf(pkg: Package): Tolerance {
  const formulas = Object.entries(pkg.activityFormulas);
  const parsed = formulas.flatMap(([name, formula]) => {
    const result = parseFormula(formula);
    return result.ok ? [{ name, formula, expr: result.expr }] : [];
  });
  const gap =
    parsed.find((entry) => entry.name === 'gap') ?? parsed.find((entry) => readsBoth(entry.expr, ['declared', 'verified']));
  const isGap = (expr: Expr) => (gap !== undefined && expr.kind === 'name' && expr.name === gap.name) || readsBoth(expr, ['declared', 'verified']);
  for (const entry of parsed) {
    const found = thresholdIn(entry.expr, isGap);
    if (found) return { ...found, ...(gap ? { gapFormula: gap.name } : {}), source: { name: entry.name, formula: entry.formula } };
  }
  return { threshold: DEFAULT_TOLERANCE, strict: true, ...(gap ? { gapFormula: gap.name } : {}) };
}

/** |declared − verified| / verified, 0 when nothing was verified (as SAFE_DIV reads it). */
export function discrepancy(declared: number, verified: number): number {
  return verified === 0 ? 0 : Math.abs(declared - verified) / verified;
}

export function beyond(gap: number, tolerance: Tolerance): boolean {
  return tolerance.strict ? gap > tolerance.threshold : gap >= tolerance.threshold;
}

/** The activity formula giving a line's money: `amount`, or what a package formula `SUM(x)` adds up. */
export function amountFormulaOf(pkg: Package): string | undefined {
  if ('amount' in pkg.activityFormulas) return 'amount';
  for (const formula of Object.values(pkg.formulas)) {
    const parsed = parseFormula(formula);
    if (!parsed.ok) continue;
    const { expr } = parsed;
    if (expr.kind === 'call' && expr.fn === 'SUM' && expr.args.length === 1) {
      const [arg] = expr.args;
      if (arg?.kind === 'name' && arg.name in pkg.activityFormulas) return arg.name;
    }
  }
  return undefined;
}

export interface Band {
  readonly from: number;
  readonly to: number;
  readonly value: number;
}

export interface BonusBands {
  /** The package formula giving the band's value (`bonus_rate`). */
  readonly name: string;
  /** The package formula the bands are read on (`score`). */
  readonly score: string;
  readonly bands: readonly Band[];
  readonly otherwise: number;
}

/** A package formula `SCORE_TABLE(score, lo, hi, value, …, default)` with constant bands. */
export function bonusBandsOf(pkg: Package): BonusBands | undefined {
  for (const [name, formula] of Object.entries(pkg.formulas)) {
    const parsed = parseFormula(formula);
    if (!parsed.ok || parsed.expr.kind !== 'call' || parsed.expr.fn !== 'SCORE_TABLE') continue;
    const [score, ...rest] = parsed.expr.args;
    const numbers = rest.map(numberOf);
    if (score?.kind !== 'name' || numbers.some((value) => value === undefined)) continue;
    const values = numbers as number[];
    const bands: Band[] = [];
    for (let i = 0; i + 2 < values.length; i += 3) bands.push({ from: values[i]!, to: values[i + 1]!, value: values[i + 2]! });
    return { name, score: score.name, bands, otherwise: values[values.length - 1]! };
  }
  return undefined;
}

/** The band a score falls in, as SCORE_TABLE picks it (the first with from ≤ score < to). */
export function bandOf(bands: BonusBands, score: number): Band | undefined {
  return bands.bands.find((band) => band.from <= score && score < band.to);
}

function numberOf(expr: Expr): number | undefined {
  if (expr.kind === 'number') return expr.value;
  if (expr.kind === 'negate') {
    const inner = numberOf(expr.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function readsBoth(expr: Expr, names: readonly string[]): boolean {
  const read = new Set(namesIn(expr).map((entry) => entry.name));
  return names.every((name) => read.has(name));
}

function thresholdIn(expr: Expr, isGap: (expr: Expr) => boolean): { threshold: number; strict: boolean } | undefined {
  switch (expr.kind) {
    case 'number':
    case 'name':
      return undefined;
    case 'negate':
    case 'not':
      return thresholdIn(expr.operand, isGap);
    case 'call':
      for (const arg of expr.args) {
        const found = thresholdIn(arg, isGap);
        if (found) return found;
      }
      return undefined;
    case 'binary': {
      const right = numberOf(expr.right);
      const left = numberOf(expr.left);
      // gap > t, gap >= t, and the same written the other way round: t < gap, t <= gap.
      if ((expr.op === '>' || expr.op === '>=') && right !== undefined && isGap(expr.left)) return { threshold: right, strict: expr.op === '>' };
      if ((expr.op === '<' || expr.op === '<=') && left !== undefined && isGap(expr.right)) return { threshold: left, strict: expr.op === '<' };
      return thresholdIn(expr.left, isGap) ?? thresholdIn(expr.right, isGap);
    }
  }
}
