const MONTH = /^(\d{4})(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const YEAR = /^(\d{4})$/;
export function parsePeriod(id) {
    let match = MONTH.exec(id);
    if (match) {
        const month = Number(match[1]) * 12 + Number(match[2]) - 1;
        return { id, type: 'month', firstMonth: month, lastMonth: month };
    }
    match = QUARTER.exec(id);
    if (match) {
        const first = Number(match[1]) * 12 + (Number(match[2]) - 1) * 3;
        return { id, type: 'quarter', firstMonth: first, lastMonth: first + 2 };
    }
    match = YEAR.exec(id);
    if (match) {
        const first = Number(match[1]) * 12;
        return { id, type: 'year', firstMonth: first, lastMonth: first + 11 };
    }
    return undefined;
}
export function monthPeriod(absoluteMonth) {
    const year = Math.floor(absoluteMonth / 12);
    const month = (absoluteMonth % 12) + 1;
    const id = `${year}${String(month).padStart(2, '0')}`;
    return { id, type: 'month', firstMonth: absoluteMonth, lastMonth: absoluteMonth };
}
export function quarterPeriod(absoluteMonth) {
    const year = Math.floor(absoluteMonth / 12);
    const quarter = Math.floor((absoluteMonth % 12) / 3) + 1;
    const first = year * 12 + (quarter - 1) * 3;
    return { id: `${year}Q${quarter}`, type: 'quarter', firstMonth: first, lastMonth: first + 2 };
}
/** The months a period covers, in order. */
export function monthsOf(period) {
    const months = [];
    for (let m = period.firstMonth; m <= period.lastMonth; m++)
        months.push(monthPeriod(m));
    return months;
}
/** The quarters a period covers (none for a month). */
export function quartersOf(period) {
    if (period.type === 'month')
        return [];
    const quarters = [];
    for (let m = period.firstMonth; m <= period.lastMonth; m += 3)
        quarters.push(quarterPeriod(m));
    return quarters;
}
//# sourceMappingURL=period.js.map