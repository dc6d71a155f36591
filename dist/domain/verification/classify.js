import { z } from 'zod';
import { Exact } from "./exact.js";
/** The history of a facility that has no data in the window. */
export function noHistory(window) {
    return { window: [...window], notVerified: [], months: [] };
}
const gap = z.object({
    difference: z.number().describe('Σ |first − second| over the activities holding both states'),
    base: z.number().describe('Σ second over the same activities'),
    activities: z.number().int(),
    gap: z.number().describe('difference / base; 1 when base is 0 and difference is not'),
});
/** Why a facility is in its class: every figure that put it there. */
export const riskReasons = z.object({
    window: z.array(z.string()),
    notVerified: z.array(z.string()),
    periods: z.array(z.object({ period: z.string(), declaredVerified: gap.nullable(), verifiedValidated: gap.nullable() })),
    average: z.object({ declaredVerified: z.number().nullable(), verifiedValidated: z.number().nullable() }),
    score: z.number().nullable().describe('the larger of the two averages; null without history'),
    measure: z.enum(['declaredVerified', 'verifiedValidated']).nullable().describe('the average the score comes from'),
    thresholds: z.object({ moderate: z.number(), high: z.number() }),
    rule: z.enum(['no_history', 'below_moderate', 'moderate', 'above_high']),
    validation: z.object({
        declared: z.number(),
        validated: z.number(),
        rate: z.number(),
        computed: z.boolean().describe('false when nothing declared was validated in the window: the rate is then 1'),
    }),
    alwaysDrawn: z.object({ groupset: z.string(), group: z.string() }).nullable(),
});
const MEASURES = ['declaredVerified', 'verifiedValidated'];
/** Classifies one facility from its history; see docs/risk-based-verification.md. */
export function classify(history, parameters) {
    const periods = history.months.map((month) => ({
        period: month.period,
        declaredVerified: gapOf(month.declaredVerified),
        verifiedValidated: gapOf(month.verifiedValidated),
    }));
    const averages = new Map(MEASURES.map((measure) => [measure, mean(periods.flatMap((p) => (p[measure] ? [p[measure].exact] : [])))]));
    const { score, measure } = largest(averages);
    const { moderate, high } = parameters.thresholds;
    const rule = score === null ? 'no_history' : score.gt(high) ? 'above_high' : score.gte(moderate) ? 'moderate' : 'below_moderate';
    const validation = validationRate(history.months);
    return {
        riskClass: rule === 'below_moderate' ? 'low' : rule === 'moderate' ? 'moderate' : 'high',
        validationRate: validation.rate,
        reasons: {
            window: [...history.window],
            notVerified: [...history.notVerified],
            periods: periods.map((p) => ({ period: p.period, declaredVerified: p.declaredVerified?.shown ?? null, verifiedValidated: p.verifiedValidated?.shown ?? null })),
            average: { declaredVerified: numberOrNull(averages.get('declaredVerified')), verifiedValidated: numberOrNull(averages.get('verifiedValidated')) },
            score: numberOrNull(score),
            measure,
            thresholds: { moderate, high },
            rule,
            validation,
        },
    };
}
function gapOf(pair) {
    if (!pair)
        return null;
    const difference = new Exact(pair.difference);
    const base = new Exact(pair.base);
    // Declared activity of which nothing was confirmed is a total discrepancy, not a zero one.
    const exact = base.isZero() ? new Exact(difference.isZero() ? 0 : 1) : difference.div(base);
    return { exact, shown: { difference: difference.toNumber(), base: base.toNumber(), activities: pair.activities, gap: exact.toNumber() } };
}
function mean(values) {
    if (values.length === 0)
        return null;
    return values.reduce((sum, value) => sum.plus(value), new Exact(0)).div(values.length);
}
/** The larger average decides: a facility is as risky as its worst discrepancy. */
function largest(averages) {
    let best = { score: null, measure: null };
    for (const measure of MEASURES) {
        const value = averages.get(measure) ?? null;
        if (value && (!best.score || value.gt(best.score)))
            best = { score: value, measure };
    }
    return best;
}
/** Σ validated / Σ declared over the window, within [0, 1]; 1 when it cannot be computed. */
function validationRate(months) {
    let declared = new Exact(0);
    let validated = new Exact(0);
    for (const month of months) {
        if (!month.validation)
            continue;
        declared = declared.plus(month.validation.declared);
        validated = validated.plus(month.validation.validated);
    }
    const computed = declared.gt(0);
    const rate = computed ? Exact.min(1, Exact.max(0, validated.div(declared))) : new Exact(1);
    return { declared: declared.toNumber(), validated: validated.toNumber(), rate: rate.toNumber(), computed };
}
function numberOrNull(value) {
    return value ? value.toNumber() : null;
}
//# sourceMappingURL=classify.js.map