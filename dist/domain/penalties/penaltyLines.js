import { storedMoney, sumMoney } from "../money.js";
/**
 * Each activity's penalty, read through `read` — from a run in the browser, or from the values
 * an invoice run stored — so that every screen and the invoice say the same. A package that
 * declares no penalties has none; an activity whose breach was not computed is left out.
 */
export function penaltyLines(pkg, read) {
    const declared = pkg.penalties;
    if (!declared)
        return [];
    return pkg.activities.flatMap((activity) => {
        const breach = read(activity.code, declared.breach);
        if (breach === undefined)
            return [];
        const optional = (formula) => (formula === undefined ? null : (read(activity.code, formula) ?? null));
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
export function penaltyTotals(lines) {
    const breaches = lines.filter((line) => line.breach);
    return { breaches: breaches.length, lost: storedMoney(sumMoney(breaches.map((line) => line.lost))) };
}
//# sourceMappingURL=penaltyLines.js.map