/**
 * A simple linear forecast of a year's total from its monthly amounts: the months up to the
 * last one with any amount (`elapsed`, 1–12) have happened; each remaining month is expected
 * to bring the average of those. Null when nothing has happened yet.
 */
export function linearForecast(monthly, elapsed) {
    if (elapsed <= 0)
        return null;
    const sofar = monthly.slice(0, elapsed).reduce((sum, amount) => sum + amount, 0);
    return sofar + (sofar / elapsed) * (monthly.length - elapsed);
}
/** The number of months up to and including the last one with an amount (0 when none has). */
export function elapsedMonths(monthly) {
    for (let i = monthly.length - 1; i >= 0; i--)
        if (monthly[i] !== 0)
            return i + 1;
    return 0;
}
/** Running totals of monthly amounts. */
export function cumulative(monthly) {
    let sum = 0;
    return monthly.map((amount) => (sum += amount));
}
//# sourceMappingURL=forecast.js.map