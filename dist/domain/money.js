import { Decimal } from 'decimal.js';
/**
 * Rounds to the currency's decimals, half away from zero, on the decimal value a number
 * prints as (the engine's ROUND does the same, so an amount and its ROUND agree).
 */
export function roundMoney(value, decimals) {
    return new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}
/** Decimal places of the money columns (numeric(20, 2)). */
const STORED_DECIMALS = 2;
/** An amount as the money columns hold it, so stored and computed amounts compare as text. */
export function storedMoney(value) {
    return new Decimal(value).toFixed(STORED_DECIMALS);
}
/**
 * Splits an amount by shares summing to 1: each part is rounded to the currency decimals
 * and the rounding remainder goes to the largest share (the first listed on a tie), so the
 * parts always sum exactly to the amount.
 */
export function splitByShares(amount, shares, decimals) {
    const total = new Decimal(amount);
    const parts = shares.map((share) => ({ key: share.key, share: new Decimal(share.share), amount: roundMoney(total.times(share.share), decimals) }));
    const largest = parts.reduce((best, part, i) => (part.share.greaterThan(parts[best].share) ? i : best), 0);
    const remainder = parts.reduce((rest, part) => rest.minus(part.amount), total);
    return parts.map((part, i) => ({ key: part.key, amount: i === largest ? part.amount.plus(remainder) : part.amount }));
}
/** The sum of decimal strings, exactly. */
export function sumMoney(values) {
    return values.reduce((sum, value) => sum.plus(value), new Decimal(0));
}
//# sourceMappingURL=money.js.map