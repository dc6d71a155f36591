import { and, eq, inArray } from 'drizzle-orm';
import { monthsOf, parsePeriod } from "../../engine/index.js";
import { invoiceRunInputs, invoiceRunValues } from "../../store/schema.js";
import { penaltyLines, penaltyTotals } from "../penalties/penaltyLines.js";
import { versionByNumber } from "../programmes.js";
/**
 * The lines an invoice's payment lost to declared penalties, read from what its run stored —
 * the values of the formulas the packages name and the inputs the run read — never computed
 * again. Only packages of the invoice's own period count: a quarterly bonus reading a monthly
 * package leaves its penalties to the monthly invoices, where their money was lost.
 */
export async function invoicePenalties(db, invoice) {
    const { program } = await versionByNumber(db, invoice.programmeId, invoice.programmeVersion);
    const payment = program.payments.find((candidate) => candidate.code === invoice.payment);
    const frequency = parsePeriod(invoice.period)?.type === 'quarter' ? 'quarterly' : 'monthly';
    const packages = program.packages.filter((pkg) => pkg.penalties && pkg.frequency === frequency && payment?.packages.includes(pkg.code));
    if (packages.length === 0)
        return { breaches: 0, lost: '0.00', lines: [] };
    const [values, inputs] = await Promise.all([storedValues(db, invoice, packages), storedInputs(db, invoice, packages)]);
    const breaches = packages.flatMap((pkg) => penaltyLines(pkg, (activity, formula) => values.get(`${pkg.code}.${activity}.${formula}`))
        .filter((line) => line.breach)
        .map((line) => ({ pkg, line })));
    const lines = breaches.map(({ pkg, line: { breach: _breach, ...line } }) => ({
        ...line,
        package: pkg.code,
        activityName: pkg.activities.find((activity) => activity.code === line.activity)?.name ?? null,
        period: invoice.period,
        inputs: Object.fromEntries(pkg.inputs.flatMap((state) => inputs(line.activity, state))),
        lostName: `${pkg.code}.${line.activity}.${pkg.penalties.lost}`,
    }));
    return { ...penaltyTotals(breaches.map(({ line }) => line)), lines };
}
/** The values the run stored for the declared formulas of the packages, by name; failed ones left out. */
async function storedValues(db, invoice, packages) {
    const names = packages.flatMap((pkg) => pkg.activities.flatMap((activity) => Object.values(pkg.penalties).map((formula) => `${pkg.code}.${activity.code}.${formula}`)));
    const rows = await db
        .select({ name: invoiceRunValues.name, value: invoiceRunValues.value })
        .from(invoiceRunValues)
        .where(and(eq(invoiceRunValues.programmeId, invoice.programmeId), eq(invoiceRunValues.runId, invoice.runId), eq(invoiceRunValues.orgUnitId, invoice.orgUnitId), eq(invoiceRunValues.period, invoice.period), inArray(invoiceRunValues.name, names)));
    return new Map(rows.flatMap((row) => (row.value === null ? [] : [[row.name, row.value]])));
}
/**
 * The inputs the run read, as the engine reads them (src/engine/solve/packageRun.ts): the
 * value entered for the period, or for a quarter without one, the sum of its months.
 */
async function storedInputs(db, invoice, packages) {
    const period = parsePeriod(invoice.period);
    const months = period.type === 'quarter' ? monthsOf(period).map((month) => month.id) : [];
    const rows = await db
        .select({ period: invoiceRunInputs.period, activity: invoiceRunInputs.activity, state: invoiceRunInputs.state, value: invoiceRunInputs.value })
        .from(invoiceRunInputs)
        .where(and(eq(invoiceRunInputs.programmeId, invoice.programmeId), eq(invoiceRunInputs.runId, invoice.runId), eq(invoiceRunInputs.orgUnitId, invoice.orgUnitId), inArray(invoiceRunInputs.period, [invoice.period, ...months]), inArray(invoiceRunInputs.activity, packages.flatMap((pkg) => pkg.activities.map((activity) => activity.code)))));
    return (activity, state) => {
        const entered = rows.filter((row) => row.activity === activity && row.state === state);
        const own = entered.find((row) => row.period === invoice.period);
        if (own)
            return [[state, Number(own.value)]];
        return entered.length > 0 ? [[state, entered.reduce((sum, row) => sum + Number(row.value), 0)]] : [];
    };
}
//# sourceMappingURL=invoicePenalties.js.map