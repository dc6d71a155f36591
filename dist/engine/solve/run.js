import { schemaError } from "../messages/errors.js";
import { monthsOf, parsePeriod, quartersOf } from "../model/period.js";
import { TableMatcher, TableRowIds } from "./decisionTables.js";
import { ErrorLog } from "./faults.js";
import { PackageRun } from "./packageRun.js";
import { PaymentRun } from "./paymentRun.js";
import { RunResult } from "./result.js";
/**
 * Computes every package and payment of a compiled programme for the requested org units
 * and periods. Pure: reads only its arguments, returns every value, the decision-table row
 * behind each table output, and every run-time error located.
 */
export function runProgram(compiled, tree, data, request, options = {}) {
    const log = new ErrorLog(options.maxErrors ?? 1000);
    const requested = resolveRequest(tree, request);
    if (requested.errors.length > 0) {
        for (const error of requested.errors)
            log.add(error);
        return new RunResult(compiled, tree, data, [], [], log);
    }
    const { units, months, quarters } = requested;
    const attributeCount = compiled.checked.attributeNames.length;
    const attrs = attributeMatrix(tree, compiled.checked.attributeNames);
    const decisionTables = compiled.checked.program.decisionTables;
    const tables = decisionTables.map((table) => new TableMatcher(table, tree));
    const rowIds = new TableRowIds(decisionTables);
    const periodsOf = (frequency) => (frequency === 'monthly' ? months : quarters);
    const total = compiled.packages.reduce((sum, pkg) => sum + periodsOf(pkg.checked.pkg.frequency).length, 0) +
        compiled.payments.reduce((sum, payment) => sum + periodsOf(payment.checked.payment.frequency).length, 0);
    let done = 0;
    const progress = () => options.onProgress?.(++done, total);
    const packageRuns = [];
    for (const pkg of compiled.packages) {
        const periods = periodsOf(pkg.checked.pkg.frequency);
        const placement = placeUnits(pkg, tree, units, log, periods[0]?.id ?? '');
        for (const period of periods) {
            const run = new PackageRun(pkg, period, tree, placement);
            run.fill(data, tables, rowIds);
            run.evaluate(attrs, attributeCount, log, tables);
            packageRuns.push(run);
            progress();
        }
    }
    const paymentRuns = [];
    for (const payment of compiled.payments) {
        const { packages, appliesTo } = payment.checked.payment;
        const applicable = compiled.packages.filter((pkg) => packages.includes(pkg.checked.pkg.code));
        const paid = units.filter((unit) => tree.matches(unit, appliesTo) && applicable.every((pkg) => tree.matches(unit, pkg.checked.pkg.appliesTo)));
        for (const period of periodsOf(payment.checked.payment.frequency)) {
            const sources = new Map(packages.map((code) => [
                code,
                packageRuns.filter((run) => run.compiled.checked.pkg.code === code &&
                    run.period.firstMonth >= period.firstMonth &&
                    run.period.lastMonth <= period.lastMonth),
            ]));
            const run = new PaymentRun(payment, period, tree, Int32Array.from(paid), sources);
            run.evaluate(attrs, attributeCount, log);
            paymentRuns.push(run);
            progress();
        }
    }
    return new RunResult(compiled, tree, data, packageRuns, paymentRuns, log);
}
function resolveRequest(tree, request) {
    const errors = [];
    const units = [];
    const seen = new Set();
    request.orgUnits.forEach((id, i) => {
        const unit = tree.indexOf(id);
        if (unit === undefined)
            errors.push(schemaError(`run.orgUnits[${i}]`, 'schema.unknownOrgUnit', { id }));
        else if (!seen.has(unit)) {
            seen.add(unit);
            units.push(unit);
        }
    });
    const months = new Map();
    const quarters = new Map();
    request.periods.forEach((id, i) => {
        const period = parsePeriod(id);
        if (!period) {
            errors.push(schemaError(`run.periods[${i}]`, 'schema.badPeriod', { period: id }));
            return;
        }
        for (const month of monthsOf(period))
            months.set(month.id, month);
        for (const quarter of quartersOf(period))
            quarters.set(quarter.id, quarter);
    });
    const byStart = (a, b) => a.firstMonth - b.firstMonth;
    return { units, months: [...months.values()].sort(byStart), quarters: [...quarters.values()].sort(byStart), errors };
}
/**
 * Single packages run at each requested unit they apply to. Zone packages run at each
 * requested unit they apply to (the zone's main unit) over its descendants matching the
 * targets; a target claimed by a second zone is a ZONE_OVERLAP error and stays with the first.
 */
function placeUnits(pkg, tree, units, log, period) {
    const { appliesTo, targets, kind, code } = pkg.checked.pkg;
    const applicable = units.filter((unit) => tree.matches(unit, appliesTo));
    if (kind === 'single') {
        return { units: Int32Array.from(applicable), zones: new Int32Array(0), zoneRows: new Int32Array(1) };
    }
    const zoneOf = new Map();
    const rows = [];
    const zoneRows = [0];
    for (const zone of applicable) {
        for (const target of tree.descendants(zone)) {
            if (!tree.matches(target, targets))
                continue;
            const claimed = zoneOf.get(target);
            if (claimed !== undefined) {
                log.runtime('ZONE_OVERLAP', `${code}.targets`, { orgUnit: tree.id(target), first: tree.id(claimed), second: tree.id(zone) }, { orgUnit: tree.id(target), period });
                continue;
            }
            zoneOf.set(target, zone);
            rows.push(target);
        }
        zoneRows.push(rows.length);
    }
    return { units: Int32Array.from(rows), zones: Int32Array.from(applicable), zoneRows: Int32Array.from(zoneRows) };
}
/** Attribute values laid out in the order the programme was compiled with. */
function attributeMatrix(tree, names) {
    const matrix = new Float64Array(tree.size * names.length).fill(Number.NaN);
    names.forEach((name, a) => {
        const source = tree.attributeNames.indexOf(name);
        if (source < 0)
            return;
        for (let unit = 0; unit < tree.size; unit++) {
            matrix[unit * names.length + a] = tree.attributeValues[unit * tree.attributeNames.length + source];
        }
    });
    return matrix;
}
//# sourceMappingURL=run.js.map