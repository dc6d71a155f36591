import { isFormulaSource } from "../check/scope.js";
import { TableRowIds } from "../solve/decisionTables.js";
import { evaluateFormula } from "../formula/evaluate.js";
import { formatNumber, printFormula } from "../formula/print.js";
import { monthsOf } from "../model/period.js";
import { readAddress } from "../solve/result.js";
const LIST_PREVIEW = 8;
/** Explains one value of a run, down to `depth` levels of reads (unlimited by default). */
export function explain(result, orgUnit, period, name, depth = Number.POSITIVE_INFINITY) {
    const address = result.locate(orgUnit, period, name);
    if (!address)
        return undefined;
    const version = result.programVersion;
    const program = { code: result.programCode, ...(version !== undefined ? { version } : {}) };
    return { ...new Explainer(result).node(address, depth, new Set()), program };
}
class Explainer {
    result;
    constructor(result) {
        this.result = result;
    }
    node(address, depth, seen) {
        const key = addressKey(address);
        const source = this.sourceOf(address);
        const header = { ...this.header(address), location: locationOf(address, source) };
        if (seen.has(key))
            return { ...header, source: source.kind, reads: [], repeated: true };
        seen.add(key);
        const formula = this.formulaOf(address, source);
        if (formula)
            return this.formulaNode(address, header, source.kind, formula, depth, seen);
        if (source.kind === 'packageValue') {
            const reads = depth > 0 ? this.packageValueReads(address).map((read) => this.node(read, depth - 1, seen)) : [];
            return { ...header, source: source.kind, reads };
        }
        if (source.kind === 'table')
            return { ...header, source: source.kind, reads: [], ...this.tableRow(address) };
        if (source.kind === 'input' || source.kind === 'isNull') {
            return { ...header, source: source.kind, reads: [], entries: this.entries(address, source) };
        }
        return { ...header, source: source.kind, reads: [] };
    }
    formulaNode(address, header, source, formula, depth, seen) {
        const readAddresses = [];
        const readValues = new Map();
        const read = (name) => {
            const targets = this.resolve(address, formula, name);
            readAddresses.push(...targets.addresses);
            const value = targets.list ? targets.addresses.map(readAddress) : readAddress(targets.addresses[0]);
            readValues.set(name, value);
            return value;
        };
        const recomputed = evaluateFormula(formula.expr, read);
        const substituted = printFormula(formula.expr, (name) => {
            const value = readValues.get(name);
            if (value === undefined)
                return name;
            if (typeof value === 'number')
                return formatNumber(value);
            const shown = value.slice(0, LIST_PREVIEW).map(formatNumber);
            if (value.length > LIST_PREVIEW)
                shown.push(`… ${value.length - LIST_PREVIEW}`);
            return `[${shown.join(', ')}]`;
        });
        const reads = depth > 0 ? uniqueAddresses(readAddresses).map((target) => this.node(target, depth - 1, seen)) : [];
        return {
            ...header,
            source,
            formula: { location: formula.location, text: formula.source, substituted, recomputed },
            reads,
        };
    }
    header(address) {
        return {
            orgUnit: this.result.tree.id(unitOf(address)),
            period: address.run.period.id,
            name: fullName(address),
            value: readAddress(address),
        };
    }
    sourceOf(address) {
        if (address.kind === 'attribute')
            return { kind: 'attribute', location: `orgUnits.attributes.${address.name}` };
        if (address.kind === 'payment')
            return address.run.compiled.checked.scope.resolve(address.name).source;
        return address.run.compiled.checked.scope.names.get(address.name);
    }
    formulaOf(address, source) {
        if (!isFormulaSource(source.kind))
            return undefined;
        const steps = address.run.compiled.steps;
        return steps.find((step) => step.formula.location === source.location)?.formula;
    }
    /** The addresses a name reads from a formula at `from`: one, or a list. */
    resolve(from, formula, name) {
        const one = (address) => ({ addresses: [address], list: false });
        if (from.kind === 'attribute')
            return { addresses: [], list: false };
        if (from.kind === 'payment') {
            const source = from.run.compiled.checked.scope.resolve(name).source;
            if (source.kind === 'attribute')
                return one({ kind: 'attribute', run: from.run, unit: unitOf(from), name });
            return one({ ...from, name });
        }
        const run = from.run;
        const resolution = run.compiled.checked.scope.resolve(formula.scope, name);
        if (resolution.source.kind === 'attribute')
            return one({ kind: 'attribute', run, unit: unitOf(from), name });
        if (resolution.list === 'activity' && from.kind === 'package') {
            const addresses = run.compiled.checked.pkg.activities.map((_, activity) => ({ kind: 'activity', run, row: from.row, activity, name }));
            return { addresses, list: true };
        }
        if (resolution.list === 'target' && from.kind === 'zone') {
            const addresses = [];
            for (let row = run.placement.zoneRows[from.zone]; row < run.placement.zoneRows[from.zone + 1]; row++) {
                addresses.push({ kind: 'package', run, row, name });
            }
            return { addresses, list: true };
        }
        const { activitySlots, inputs, constants } = run.compiled.layout;
        const activityLevel = activitySlots.has(name) || inputs.has(name) || constants.has(name);
        if (from.kind === 'activity' && activityLevel)
            return one({ ...from, name });
        if (run.compiled.layout.zoneSlots.has(name)) {
            const zone = from.kind === 'zone' ? from.zone : run.zoneOfRow[from.row];
            return one({ kind: 'zone', run, zone, name });
        }
        return one({ kind: 'package', run, row: from.kind === 'zone' ? -1 : from.row, name });
    }
    packageValueReads(address) {
        if (address.kind !== 'payment')
            return [];
        const resolution = address.run.compiled.checked.scope.resolve(address.name);
        const { packageCode, formulaName } = resolution.source;
        const unit = address.run.units[address.row];
        return (address.run.sources.get(packageCode) ?? []).map((run) => ({
            kind: 'package',
            run,
            row: run.rowOf[unit],
            name: formulaName,
        }));
    }
    tableRow(address) {
        if (address.kind !== 'activity' && address.kind !== 'package')
            return {};
        const { run } = address;
        const ids = run.tableRows.get(address.name);
        const output = run.compiled.layout.tableOutputs.find((candidate) => candidate.name === address.name);
        if (!ids || !output)
            return {};
        const id = ids.id(address.row, output.perActivity && address.kind === 'activity' ? address.activity : 0);
        if (id < 0)
            return {};
        const tables = this.result.compiled.checked.program.decisionTables;
        const { table, row } = new TableRowIds(tables).decode(id);
        const decisionTable = tables[table];
        return {
            table: {
                table,
                row,
                ...(decisionTable.from !== undefined ? { from: decisionTable.from } : {}),
                ...(decisionTable.to !== undefined ? { to: decisionTable.to } : {}),
                cells: decisionTable.rows[row],
            },
        };
    }
    entries(address, source) {
        if (address.kind !== 'activity')
            return [];
        const state = source.location.slice(source.location.lastIndexOf('.') + 1);
        const run = address.run;
        const activity = run.compiled.checked.pkg.activities[address.activity].code;
        const unit = run.placement.units[address.row];
        const periods = [run.period.id, ...(run.period.type === 'quarter' ? monthsOf(run.period).map((m) => m.id) : [])];
        const found = [];
        for (const period of periods) {
            const value = this.result.data.column(period, state, activity)?.[unit];
            if (value !== undefined && value === value)
                found.push({ period, value });
            if (period === run.period.id && found.length > 0)
                break;
        }
        return found;
    }
}
/** Where the value's source is defined; a constant is defined by its own activity. */
function locationOf(address, source) {
    if (source.kind !== 'constant' || address.kind !== 'activity')
        return source.location;
    const { pkg } = address.run.compiled.checked;
    return `${pkg.code}.activities.${pkg.activities[address.activity].code}.constants.${address.name}`;
}
function unitOf(address) {
    switch (address.kind) {
        case 'attribute':
            return address.unit;
        case 'zone':
            return address.run.placement.zones[address.zone];
        case 'payment':
            return address.run.units[address.row];
        default:
            return address.run.placement.units[address.row];
    }
}
function fullName(address) {
    if (address.kind === 'attribute')
        return address.name;
    if (address.kind === 'payment')
        return `${address.run.compiled.checked.payment.code}.${address.name}`;
    const code = address.run.compiled.checked.pkg.code;
    if (address.kind === 'activity') {
        return `${code}.${address.run.compiled.checked.pkg.activities[address.activity].code}.${address.name}`;
    }
    return `${code}.${address.name}`;
}
function addressKey(address) {
    const place = address.kind === 'zone' ? `z${address.zone}` : address.kind === 'attribute' ? `u${address.unit}` : `r${address.row}`;
    const activity = address.kind === 'activity' ? `.${address.activity}` : '';
    return `${fullName(address)}@${address.run.period.id}:${place}${activity}`;
}
function uniqueAddresses(addresses) {
    const seen = new Set();
    return addresses.filter((address) => {
        const key = addressKey(address);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
//# sourceMappingURL=explain.js.map