import { Decimal } from 'decimal.js';
import { inputTypeProblem } from "../engine/model/inputTypes.js";
import { parseNumber } from "./numbers.js";
/**
 * What an entered value may be. The store keeps values as numeric(20, 4) and answers them as
 * JSON numbers: at most four decimals and eleven integer digits keep every value exact both
 * ways (15 significant digits survive a double), so nothing is rounded behind the user's back.
 * The server checks the same on every write, and its input type (inputTypes.ts) too.
 */
export const VALUE_LIMITS = { decimals: 4, below: 1e11 };
/** Why a number cannot be stored as entered, or undefined when it can. */
export function limitProblem(value) {
    if (!Number.isFinite(value))
        return 'notFinite';
    if (value < 0)
        return 'negative';
    // Decimal counts the decimals of the number's exact writing, which a float product would blur.
    if (new Decimal(value).decimalPlaces() > VALUE_LIMITS.decimals)
        return 'decimals';
    if (value >= VALUE_LIMITS.below)
        return 'tooLarge';
    return undefined;
}
/** A value as typed into a grid in `locale`, for an input of `type` (undefined: any storable number). */
export function readEntry(text, locale, type) {
    const parsed = parseNumber(text, locale);
    if (parsed.kind === 'empty')
        return parsed;
    if (parsed.kind === 'invalid')
        return { kind: 'invalid', problem: { code: parsed.problem, readings: parsed.readings } };
    const limit = limitProblem(parsed.value);
    if (limit)
        return { kind: 'invalid', problem: { code: limit } };
    const wrong = inputTypeProblem(type, parsed.value);
    if (wrong)
        return { kind: 'invalid', problem: { code: 'wrongType', ...wrong } };
    return { kind: 'number', value: parsed.value };
}
//# sourceMappingURL=values.js.map