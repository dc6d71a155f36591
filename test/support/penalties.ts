import { PROGRAMME } from './api.ts';
import { FIELD_VERSION } from './field.ts';

const [quantity, ...others] = FIELD_VERSION.packages;

/**
 * The test programme paying as the demo does: the committee's validated figure within a 10%
 * tolerance, nothing beyond it, with the tolerance, the breach and the money lost declared as
 * the package's penalties.
 */
export const PENALTY_VERSION = {
  ...FIELD_VERSION,
  packages: [
    {
      ...quantity!,
      activityFormulas: {
        gap: 'SAFE_DIV(ABS(declared - verified), verified)',
        tolerance: '0.1',
        beyond_tolerance: 'IF(gap > tolerance, 1, 0)',
        paid_quantity: 'IF(beyond_tolerance = 1, 0, validated)',
        amount: 'paid_quantity * tariff',
        amount_lost: 'validated * tariff - amount',
      },
      penalties: { breach: 'beyond_tolerance', lost: 'amount_lost', gap: 'gap', tolerance: 'tolerance' },
    },
    ...others,
  ],
};

export const PENALTY_VERSION_FROM = '202402';

/** Entered values of one facility and month: per activity, what was declared, verified and (when given) validated. */
export function penaltyRows(orgUnitId: string, period: string, lines: Record<string, readonly [declared: number, verified: number, validated?: number]>) {
  return Object.entries(lines).flatMap(([activity, [declared, verified, validated]]) =>
    Object.entries({ declared, verified, validated }).flatMap(([state, value]) =>
      value === undefined ? [] : [{ programmeId: PROGRAMME, orgUnitId, period, activity, state, value: String(value) }],
    ),
  );
}
