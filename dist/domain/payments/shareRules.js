import { Decimal } from 'decimal.js';
import { parsePeriod } from "../../engine/index.js";
import { errors } from "../errors.js";
/** The months a share is valid: from the first month of `validFrom` to the last of `validTo` (open-ended without). */
export function shareWindow(share) {
    return {
        first: parsePeriod(share.validFrom).firstMonth,
        last: share.validTo === null ? Number.POSITIVE_INFINITY : parsePeriod(share.validTo).lastMonth,
    };
}
/** A validity bound as a DHIS2 period (month, quarter or year), or a 400 naming the field. */
export function validityPeriod(id, field) {
    const period = parsePeriod(id);
    if (!period)
        throw errors.validation(`${field}: '${id}' is not a DHIS2 period (202401, 2024Q1 or 2024)`, [{ at: field }]);
    return period;
}
/**
 * The shares that split an invoice of `unitPath` for `paymentCode` over `period`: among the
 * shares valid for the whole period, those of the deepest subtree containing the unit;
 * there, shares naming the payment win over shares for every payment.
 */
export function sharesFor(all, unitPath, paymentCode, period) {
    const valid = all.filter((share) => {
        const window = shareWindow(share);
        return (unitPath.startsWith(share.path) &&
            (share.payment === null || share.payment === paymentCode) &&
            window.first <= period.firstMonth &&
            period.lastMonth <= window.last);
    });
    const deepest = valid.reduce((depth, share) => Math.max(depth, share.path.length), 0);
    const atDeepest = valid.filter((share) => share.path.length === deepest);
    const specific = atDeepest.filter((share) => share.payment !== null);
    return (specific.length > 0 ? specific : atDeepest).sort((a, b) => (a.funderId < b.funderId ? -1 : a.funderId > b.funderId ? 1 : 0));
}
export function shareTotal(shares) {
    return shares.reduce((sum, share) => sum.plus(share.share), new Decimal(0));
}
//# sourceMappingURL=shareRules.js.map