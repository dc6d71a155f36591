import { z } from 'zod';
export const riskClasses = ['low', 'moderate', 'high'];
const probability = z.number().min(0).max(1);
/**
 * How a draw classifies and draws facilities. Every field has Burundi's default, so a draw
 * may be requested with no parameters at all; the resolved values are stored with the draw.
 */
export const drawParameters = z.object({
    historyMonths: z.number().int().min(1).max(36).default(6).describe('months before the period whose discrepancies classify a facility'),
    thresholds: z
        .object({
        moderate: z.number().min(0).default(0.05).describe('a score at or above this is moderate risk'),
        high: z.number().min(0).default(0.1).describe('a score above this is high risk'),
    })
        .prefault({})
        .refine((t) => t.moderate <= t.high, { message: 'moderate must not exceed high', path: ['moderate'] }),
    probabilities: z
        .object({ low: probability.default(0.4), moderate: probability.default(0.8), high: probability.default(1) })
        .prefault({})
        .describe('probability of being drawn, per risk class'),
    alwaysDraw: z
        .record(z.string().min(1), z.array(z.string().min(1)))
        .default({ type: ['hd'] })
        .describe('groupset → groups whose facilities are always drawn (hospitals by default)'),
});
/** What a draw stores as its parameters: the resolved ones, the generator and the months read. */
export const storedParameters = drawParameters.extend({
    algorithm: z.string(),
    window: z.array(z.string()),
});
//# sourceMappingURL=parameters.js.map