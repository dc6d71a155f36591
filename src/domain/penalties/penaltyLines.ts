import type { Package } from '../../engine/model/programSchema.ts';
import { storedMoney, sumMoney } from '../money.ts';

/** One activity's penalty as the package's declared formulas give it (`penalties` in the programme). */
export interface PenaltyLine {
  readonly activity: string;
  /** The breach formula is not 0: the verification found the line beyond the tolerance. */
  readonly breach: boolean;
  /** The money the line loses, exactly as the engine computed it, in the money columns' form ("18000.00"). */
  readonly lost: string;
  /** The discrepancy measured and the tolerance it is held to, when the programme names their formulas. */
  readonly gap: number | null;
  readonly tolerance: number | null;
}

export interface PenaltyTotals {
  /** Lines beyond the tolerance. */
  readonly breaches: number;
  /** What they lose together, summed exactly. */
  readonly lost: string;
}

/** One activity's value of an activity formula; undefined when it was not computed or failed. */
export type ReadActivityValue = (activity: string, formula: string) => number | undefined;

/**
 * Each activity's penalty, read through `read` — from a run in the browser, or from the values
 * an invoice run stored — so that every screen and the invoice say the same. A package that
 * declares no penalties has none; an activity whose breach was not computed is left out.
 */
export function penaltyLines(pkg: Pick<Package, 'activities' | 'penalties'>, read: ReadActivityValue): PenaltyLine[] {
  const declared = pkg.penalties;
  if (!declared) return [];
  return pkg.activities.flatMap((activity) => {
    const breach = read(activity.code, declared.breach);
    if (breach === undefined) return [];
    const optional = (formula: string | undefined) => (formula === undefined ? null : (read(activity.code, formula) ?? null));
    return [
      {
        activity: activity.code,
        breach: breach !== 0,
        lost: storedMoney(read(activity.code, declared.lost) ?? 0),
        gap: optional(declared.gap),
        tolerance: optional(declared.tolerance),
      },
    ];
  });
}

/** How many lines are beyond the tolerance and what they lose. */
export function penaltyTotals(lines: readonly PenaltyLine[]): PenaltyTotals {
  const breaches = lines.filter((line) => line.breach);
  return { breaches: breaches.length, lost: storedMoney(sumMoney(breaches.map((line) => line.lost))) };
}
