import { parsePeriod } from "../../engine/index.js";
import { quarterPeriod } from "../../engine/model/period.js";
import { errors } from "../errors.js";
/** The period a package's workflow is tracked in: a month for monthly packages, a quarter for quarterly ones. */
export function ownsPeriod(pkg, period) {
    return pkg.frequency === 'monthly' ? period.type === 'month' : period.type === 'quarter';
}
/** A quarterly package reads its quarter's own entries and the sum of its months (as the engine does). */
export function readsPeriod(pkg, period) {
    return ownsPeriod(pkg, period) || (pkg.frequency === 'quarterly' && period.type === 'month');
}
/** The package's workflow period for values of `period`: the quarter holding a month, for a quarterly package. */
export function holdingOf(pkg, period) {
    const own = pkg.frequency === 'quarterly' ? quarterPeriod(period.firstMonth).id : period.id;
    return { package: pkg.code, period: own };
}
/**
 * The packages of the version in force that read a value: they list its activity and state,
 * read its period and are about its unit. Editing the value touches all of them, so each one's
 * lock applies. The first reason none does is the problem, naming the field at fault.
 */
export function holdingsOf(version, target, period, takesPart) {
    const where = `version ${version.version} of the programme (in force for ${period.id})`;
    const named = target.package;
    const candidates = version.program.packages.filter((pkg) => named === undefined || pkg.code === named);
    if (candidates.length === 0) {
        return { problem: { field: 'package', code: 'UNKNOWN_PACKAGE', message: `package '${named}' is not in ${where}` } };
    }
    const withActivity = candidates.filter((pkg) => pkg.activities.some((activity) => activity.code === target.activity));
    if (withActivity.length === 0) {
        const inWhat = named === undefined ? `any package of ${where}` : `package '${named}' of ${where}`;
        return { problem: { field: 'activity', code: 'UNKNOWN_ACTIVITY', message: `activity '${target.activity}' is not in ${inWhat}` } };
    }
    const withState = withActivity.filter((pkg) => pkg.inputs.includes(target.state));
    if (withState.length === 0) {
        const states = [...new Set(withActivity.flatMap((pkg) => pkg.inputs))].join(', ');
        const message = `state '${target.state}' is not entered for activity '${target.activity}' (its states: ${states})`;
        return { problem: { field: 'state', code: 'UNKNOWN_STATE', message } };
    }
    // Only a monthly package can refuse a period here: parsing admits months and quarters alone.
    const reading = withState.filter((pkg) => readsPeriod(pkg, period));
    if (reading.length === 0) {
        const codes = withState.map((pkg) => `'${pkg.code}'`).join(', ');
        const message = `package ${codes} is monthly: enter months like 202401, not '${period.id}'`;
        return { problem: { field: 'period', code: 'PERIOD_MISMATCH', message } };
    }
    const about = reading.filter(takesPart);
    if (about.length === 0) {
        const codes = reading.map((pkg) => `'${pkg.code}'`).join(', ');
        return { problem: { field: 'orgUnit', code: 'NOT_IN_PACKAGE', message: `org unit '${target.orgUnit}' takes no part in package ${codes}` } };
    }
    return { holdings: about.map((pkg) => holdingOf(pkg, period)) };
}
/** The package whose workflow moves for a unit and period, or the problem naming the field at fault. */
export function workflowPackage(version, target, period, takesPart) {
    const pkg = version.program.packages.find((candidate) => candidate.code === target.package);
    if (!pkg) {
        const message = `package '${target.package}' is not in version ${version.version} of the programme (in force for ${period.id})`;
        return { problem: { field: 'package', code: 'UNKNOWN_PACKAGE', message } };
    }
    if (!ownsPeriod(pkg, period)) {
        const expected = pkg.frequency === 'monthly' ? 'a month, like 202401' : 'a quarter, like 2024Q1';
        return { problem: { field: 'period', code: 'PERIOD_MISMATCH', message: `package '${pkg.code}' is ${pkg.frequency}: its period is ${expected}, not '${period.id}'` } };
    }
    if (!takesPart(pkg)) {
        return { problem: { field: 'orgUnit', code: 'NOT_IN_PACKAGE', message: `org unit '${target.orgUnit}' takes no part in package '${pkg.code}'` } };
    }
    return { pkg };
}
/** A period data are entered and tracked for: a month or a quarter, or a 400 naming it. */
export function entryPeriod(id) {
    const period = parsePeriod(id);
    if (!period || period.type === 'year')
        throw errors.validation(`period: '${id}' is not a month (202401) or a quarter (2024Q1)`, [{ at: 'period' }]);
    return period;
}
/** A package filter must name a package of the version in force. */
export function checkPackageFilter(version, code) {
    if (code !== undefined && !version.program.packages.some((pkg) => pkg.code === code)) {
        throw errors.validation(`package: '${code}' is not in version ${version.version} of the programme`, [{ at: 'package' }]);
    }
}
//# sourceMappingURL=packages.js.map