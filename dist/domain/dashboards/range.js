import { monthPeriod, parsePeriod, quarterPeriod } from "../../engine/model/period.js";
import { errors } from "../errors.js";
/** The longest range a dashboard reads: five years of months keeps every query bounded. */
export const MAX_MONTHS = 60;
/** Checks and expands `from`..`to`; a 400 names the field at fault. */
export function monthRange(from, to) {
    const first = monthOf(from, 'from');
    const last = monthOf(to, 'to');
    if (last < first)
        throw errors.validation(`to: '${to}' is before from '${from}'`, [{ at: 'to' }]);
    if (last - first + 1 > MAX_MONTHS) {
        throw errors.validation(`to: the range ${from}–${to} spans ${last - first + 1} months; at most ${MAX_MONTHS}`, [{ at: 'to' }]);
    }
    const months = [];
    const quarters = [];
    for (let month = first; month <= last; month++) {
        months.push(monthPeriod(month).id);
        if (month % 3 === 2)
            quarters.push(quarterPeriod(month).id);
    }
    return { from, to, months, quarters, periods: [...months, ...quarters] };
}
/** The range of a calendar year. */
export function yearRange(year) {
    return monthRange(`${year}01`, `${year}12`);
}
/** The month (`202403`) a month or quarter ends in. */
export function endMonth(period) {
    const parsed = parsePeriod(period);
    if (!parsed || parsed.type === 'year')
        return period;
    return monthPeriod(parsed.lastMonth).id;
}
/** The quarter (`2024Q1`) holding a month, or a quarter itself. */
export function quarterOf(period) {
    const parsed = parsePeriod(period);
    if (!parsed || parsed.type === 'year')
        return period;
    return quarterPeriod(parsed.lastMonth).id;
}
function monthOf(id, field) {
    const period = parsePeriod(id);
    if (!period || period.type !== 'month')
        throw errors.validation(`${field}: '${id}' is not a month like 202401`, [{ at: field }]);
    return period.firstMonth;
}
//# sourceMappingURL=range.js.map