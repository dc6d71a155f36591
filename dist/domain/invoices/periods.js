import { monthsOf, parsePeriod, quartersOf } from "../../engine/index.js";
import { errors } from "../errors.js";
/** The period of an invoice run: a month (202401) or a quarter (2024Q1). */
export function invoicePeriod(id, field = 'period') {
    const period = parsePeriod(id);
    if (!period || period.type === 'year') {
        throw errors.validation(`${field}: '${id}' is not a month (202401) or a quarter (2024Q1)`, [{ at: field }]);
    }
    return period;
}
/** The periods whose entered values a run reads: the months, and the quarter of a quarter. */
export function dataPeriods(period) {
    return [...monthsOf(period), ...quartersOf(period)].map((inner) => inner.id);
}
/** Payments invoiced by a run over `period`: the monthly ones for a month, the quarterly ones for a quarter. */
export function invoicedPayments(program, period) {
    const frequency = period.type === 'month' ? 'monthly' : 'quarterly';
    return program.payments.filter((payment) => payment.frequency === frequency);
}
/** The (package, period) pairs a payment of `period` reads, whose workflow status gates its invoice. */
export function packagePeriods(program, paymentCode, period) {
    const payment = program.payments.find((candidate) => candidate.code === paymentCode);
    if (!payment)
        return [];
    return payment.packages.flatMap((code) => {
        const pkg = program.packages.find((candidate) => candidate.code === code);
        if (!pkg)
            return [];
        const periods = pkg.frequency === 'monthly' ? monthsOf(period) : quartersOf(period);
        return periods.map((inner) => ({ package: code, period: inner.id }));
    });
}
/** The first day of a period, as an ISO date. */
export function periodStart(period) {
    return new Date(Date.UTC(Math.floor(period.firstMonth / 12), period.firstMonth % 12, 1)).toISOString().slice(0, 10);
}
/** The last day of a period, as an ISO date. */
export function periodEnd(period) {
    const after = period.lastMonth + 1;
    return new Date(Date.UTC(Math.floor(after / 12), after % 12, 0)).toISOString().slice(0, 10);
}
//# sourceMappingURL=periods.js.map