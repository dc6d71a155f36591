import { monthPeriod, monthsOf, parsePeriod, quarterPeriod } from "../../engine/model/period.js";
import { errors } from "../errors.js";
/** A draw's period: a month or a quarter, the rhythms at which facilities are verified. */
export function drawPeriod(id) {
    const period = parsePeriod(id);
    if (!period || period.type === 'year') {
        throw errors.validation(`period: '${id}' is not a DHIS2 month (202406) or quarter (2024Q2)`, [{ at: 'period' }]);
    }
    return period;
}
/** The `count` months before the period, oldest first. */
export function historyWindow(period, count) {
    return Array.from({ length: count }, (_, i) => monthPeriod(period.firstMonth - count + i).id);
}
/** The periods a draw covering some of these months can have: the months and their quarters. */
export function drawPeriodsAround(months) {
    const ids = new Set(months);
    for (const month of months)
        ids.add(quarterPeriod(parsePeriod(month).firstMonth).id);
    return [...ids];
}
/** The period ids another draw may not use on an overlapping subtree: those sharing a month. */
export function periodsSharingMonths(period) {
    return period.type === 'month' ? [period.id, quarterPeriod(period.firstMonth).id] : periodsEstimated(period);
}
/** The months a draw period covers. */
export function monthsIn(periodId) {
    return monthsOf(parsePeriod(periodId)).map((month) => month.id);
}
/** The periods of the values a draw estimates: the period itself and, for a quarter, its months. */
export function periodsEstimated(period) {
    return [...new Set([period.id, ...monthsOf(period).map((month) => month.id)])];
}
/** First and last day of a period, to compare with org units' validity dates. */
export function periodDays(period) {
    const day = (absoluteMonth, date) => new Date(Date.UTC(Math.floor(absoluteMonth / 12), absoluteMonth % 12, date)).toISOString().slice(0, 10);
    return { first: day(period.firstMonth, 1), last: day(period.lastMonth + 1, 0) };
}
//# sourceMappingURL=periods.js.map