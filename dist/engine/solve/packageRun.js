import { Block } from "../compile/block.js";
import { Cursor, FAULT } from "../compile/cursor.js";
import { monthsOf } from "../model/period.js";
import { faultCode } from "./faults.js";
/** Elements computed at once by a formula's columns: enough to pay for the calls, few enough to stay in cache. */
const BLOCK_ELEMENTS = 2048;
/**
 * Every value of one package for one period: activity rows (unit × activity), package rows
 * (unit) and zone rows, with the decision-table row behind each table output.
 */
export class PackageRun {
    compiled;
    period;
    tree;
    placement;
    rowOf;
    zoneOfRow;
    activityCount;
    actStride;
    pkgStride;
    zoneStride;
    act;
    pkg;
    zone;
    /** Entered values by unit, one column per (activity, input), index activity * inputs + input. */
    inputColumns = [];
    /** Per table output: the row that gave each value, as a global row id (see TableRowIds), -1 for none. */
    tableRows = new Map();
    constructor(compiled, period, tree, placement) {
        this.compiled = compiled;
        this.period = period;
        this.tree = tree;
        this.placement = placement;
        const { layout } = compiled;
        const rows = placement.units.length;
        this.activityCount = compiled.checked.pkg.activities.length;
        this.actStride = layout.activitySlots.size;
        this.pkgStride = layout.packageSlots.size;
        this.zoneStride = layout.zoneSlots.size;
        this.act = new Float64Array(rows * this.activityCount * this.actStride);
        this.pkg = new Float64Array(rows * this.pkgStride);
        this.zone = new Float64Array(placement.zones.length * this.zoneStride);
        this.rowOf = new Int32Array(tree.size).fill(-1);
        placement.units.forEach((unit, row) => (this.rowOf[unit] = row));
        this.zoneOfRow = new Int32Array(rows);
        for (let z = 0; z < placement.zones.length; z++) {
            this.zoneOfRow.fill(z, placement.zoneRows[z], placement.zoneRows[z + 1]);
        }
    }
    get rows() {
        return this.placement.units.length;
    }
    activitySlotIndex(row, activity, slot) {
        return (row * this.activityCount + activity) * this.actStride + slot;
    }
    /** An activity-level value by name: a constant, an input read from the entered values, or a slot. */
    activityValue(row, activity, name) {
        const { constants, constantValues } = this.compiled.layout;
        const constant = constants.get(name);
        if (constant !== undefined)
            return constantValues[activity * constants.size + constant];
        const input = this.compiled.layout.inputs.get(name);
        if (!input)
            return this.act[this.activitySlotIndex(row, activity, this.compiled.layout.activitySlots.get(name))];
        const inputCount = this.compiled.checked.pkg.inputs.length;
        const value = this.inputColumns[activity * inputCount + input.input][this.placement.units[row]];
        const missing = value !== value;
        return input.isNull ? (missing ? 1 : 0) : missing ? 0 : value;
    }
    /** Binds entered values and copies decision-table outputs into the value rows. */
    fill(data, tables, rowIds) {
        this.bindInputs(data);
        this.fillTables(tables, rowIds);
    }
    /** Evaluates every formula in dependency order, logging run-time errors. */
    evaluate(attrs, attributeCount, log, tables) {
        const block = new Block();
        block.units = this.placement.units;
        block.zoneOfRow = this.zoneOfRow;
        block.zoneStride = this.zoneStride;
        block.attributeCount = attributeCount;
        const cursor = block.cursor;
        cursor.act = this.act;
        cursor.actStride = this.actStride;
        cursor.activityCount = this.activityCount;
        cursor.pkg = this.pkg;
        cursor.pkgStride = this.pkgStride;
        cursor.zone = this.zone;
        cursor.attrs = attrs;
        cursor.inputs = this.inputColumns;
        cursor.inputCount = this.compiled.checked.pkg.inputs.length;
        cursor.constants = this.compiled.layout.constantValues;
        cursor.constantCount = this.compiled.layout.constants.size;
        const report = (step, unit, activity) => this.report(step, cursor, unit, activity, log, tables);
        for (const group of groupByScope(this.compiled.steps)) {
            if (group[0].formula.scope === 'zone')
                for (const step of group)
                    this.evaluateZones(step, cursor, attributeCount, report);
            else
                this.evaluateRows(group, block, report);
        }
    }
    /**
     * Evaluates consecutive steps of one scope together, a block of rows at a time (see
     * compileColumns): each step reads only values computed before the group or by earlier
     * steps for the same element, and a block's columns stay in cache. An element with a NaN
     * value is evaluated again one value at a time, steps in order, to report its faults in the
     * order and with the detail of a one-at-a-time evaluation.
     */
    evaluateRows(steps, b, report) {
        const rows = this.placement.units.length;
        const perActivity = steps[0].formula.scope === 'activity';
        b.per = perActivity ? this.activityCount : 1;
        const rowsPerBlock = Math.max(1, Math.floor(BLOCK_ELEMENTS / Math.max(1, b.per)));
        b.capacity = rowsPerBlock * b.per;
        const values = perActivity ? this.act : this.pkg;
        const stride = perActivity ? this.actStride : this.pkgStride;
        const failed = new Uint8Array(b.capacity);
        b.computedFrom = perActivity ? 'activity' : 'package';
        for (let start = 0; start < rows; start += rowsPerBlock) {
            b.start(start, Math.min(rows, start + rowsPerBlock));
            let anyFailed = false;
            for (const step of steps) {
                const column = step.columns(b);
                b.computed[step.slot] = column;
                for (let k = 0, i = start * b.per * stride + step.slot; k < b.n; k++, i += stride) {
                    const value = column[k];
                    values[i] = value;
                    if (value !== value) {
                        failed[k] = 1;
                        anyFailed = true;
                    }
                }
            }
            if (anyFailed)
                this.reportFailed(steps, b, failed, perActivity, report);
        }
    }
    /** Evaluates a block's failed elements again one at a time, reporting each fault. */
    reportFailed(steps, b, failed, perActivity, report) {
        const c = b.cursor;
        const values = perActivity ? this.act : this.pkg;
        for (let k = 0; k < b.n; k++) {
            if (failed[k] === 0)
                continue;
            failed[k] = 0;
            const row = b.rowStart + Math.floor(k / b.per);
            const activity = k % b.per;
            b.place(row, activity);
            const base = perActivity ? c.actBase : c.pkgBase;
            for (const step of steps) {
                c.fault = FAULT.none;
                const value = step.fn(c);
                values[base + step.slot] = value;
                if (value !== value && c.fault !== FAULT.none)
                    report(step, c.unit, perActivity ? activity : -1);
            }
        }
        c.fault = FAULT.none;
    }
    evaluateZones(step, c, attributeCount, report) {
        const { zones, zoneRows } = this.placement;
        for (let z = 0; z < zones.length; z++) {
            c.zoneBase = z * this.zoneStride;
            c.firstRow = zoneRows[z];
            c.endRow = zoneRows[z + 1];
            c.attrBase = zones[z] * attributeCount;
            const value = step.fn(c);
            this.zone[c.zoneBase + step.slot] = value;
            if (value !== value && c.fault !== FAULT.none)
                report(step, zones[z], -1);
        }
    }
    report(step, c, unit, activity, log, tables) {
        const fault = c.fault;
        const activityCode = activity >= 0 ? this.compiled.checked.pkg.activities[activity].code : undefined;
        const params = fault === FAULT.noMatch
            ? { name: c.faultName, facts: this.describeFacts(c.faultName, unit, activityCode, tables) }
            : fault === FAULT.missingValue
                ? { name: c.faultName, reason: this.missingReason(c.faultName, unit, activityCode) }
                : {};
        log.runtime(faultCode(fault), step.formula.location, params, {
            orgUnit: this.tree.id(unit),
            period: this.period.id,
            ...(activityCode !== undefined ? { activity: activityCode } : {}),
        });
        c.fault = FAULT.none;
    }
    describeFacts(name, unit, activity, tables) {
        const output = this.compiled.layout.tableOutputs.find((candidate) => candidate.name === name);
        const matcher = output?.tables.map((t) => tables[t]).find((candidate) => candidate.appliesTo(this.period));
        return matcher ? matcher.describeFacts(matcher.signature(unit), activity) : `period=${this.period.id}`;
    }
    missingReason(name, unit, activity) {
        if (this.compiled.layout.constants.has(name) && activity !== undefined) {
            return { key: 'reason.constant', params: { activity } };
        }
        return { key: 'reason.attribute', params: { orgUnit: this.tree.id(unit) } };
    }
    /**
     * Points each (activity, input) at its column of entered values; a quarter without its
     * own entry reads the sum of its months, summed once here.
     */
    bindInputs(data) {
        const activities = this.compiled.checked.pkg.activities;
        const months = this.period.type === 'quarter' ? monthsOf(this.period).map((month) => month.id) : [];
        const states = this.compiled.checked.pkg.inputs;
        let nothing;
        this.inputColumns = activities.flatMap((activity) => states.map((state) => {
            const exact = data.column(this.period.id, state, activity.code);
            const monthly = months.flatMap((month) => data.column(month, state, activity.code) ?? []);
            if (monthly.length > 0)
                return sumByUnit(exact, monthly, new Float64Array(this.tree.size));
            return exact ?? (nothing ??= new Float64Array(this.tree.size).fill(Number.NaN));
        }));
    }
    /**
     * Looks up each table output per row (and activity). Units with the same facts share
     * one lookup: a national tree has thousands of units but few combinations of facts.
     */
    fillTables(tables, rowIds) {
        const activities = this.compiled.checked.pkg.activities;
        const units = this.placement.units;
        for (const output of this.compiled.layout.tableOutputs) {
            const matchers = output.tables.map((t) => ({ index: t, matcher: tables[t] })).filter(({ matcher }) => matcher.appliesTo(this.period));
            const perRow = output.perActivity ? this.activityCount : 1;
            const lookupOfRow = new Int32Array(units.length);
            const lookups = [];
            const resolved = new Map();
            const resolve = (signatures) => {
                const values = new Float64Array(perRow).fill(Number.NaN);
                const ids = new Int32Array(perRow).fill(-1);
                for (let a = 0; a < perRow; a++) {
                    const activity = output.perActivity ? activities[a].code : undefined;
                    const m = matchers.findIndex(({ matcher }, k) => matcher.match(signatures[k], activity) >= 0);
                    if (m < 0)
                        continue;
                    const { index, matcher } = matchers[m];
                    const found = matcher.match(signatures[m], activity);
                    values[a] = matcher.table.rows[found][output.name];
                    ids[a] = rowIds.encode(index, found);
                }
                return lookups.push({ values, ids }) - 1;
            };
            const { act, actStride } = this;
            const rowStride = this.activityCount * actStride;
            const signatures = new Array(matchers.length).fill(0);
            for (let row = 0; row < units.length; row++) {
                for (let m = 0; m < matchers.length; m++)
                    signatures[m] = matchers[m].matcher.signature(units[row]);
                const key = signatures.length === 1 ? signatures[0] : signatures.join(',');
                let lookup = resolved.get(key);
                if (lookup === undefined) {
                    lookup = resolve(signatures);
                    resolved.set(key, lookup);
                }
                lookupOfRow[row] = lookup;
                const { values } = lookups[lookup];
                if (!output.perActivity) {
                    this.pkg[row * this.pkgStride + output.slot] = values[0];
                    continue;
                }
                for (let a = 0, i = row * rowStride + output.slot; a < perRow; a++, i += actStride)
                    act[i] = values[a];
            }
            this.tableRows.set(output.name, new TableRowsUsed(lookupOfRow, lookups.map((lookup) => lookup.ids)));
        }
    }
}
/**
 * Which decision-table row gave a table output at each row (and activity), as an encoded
 * row id (-1: none). Kept once per combination of facts, with each row's combination.
 */
export class TableRowsUsed {
    lookupOfRow;
    ids;
    constructor(lookupOfRow, ids) {
        this.lookupOfRow = lookupOfRow;
        this.ids = ids;
    }
    id(row, activity) {
        return this.ids[this.lookupOfRow[row]][activity];
    }
}
/** Splits steps, kept in dependency order, into runs of the same scope. */
function groupByScope(steps) {
    const groups = [];
    for (const step of steps) {
        const last = groups[groups.length - 1];
        if (last && last[0].formula.scope === step.formula.scope)
            last.push(step);
        else
            groups.push([step]);
    }
    return groups;
}
/**
 * For a quarter: the value entered for the quarter when there is one, else the sum of the
 * months entered, NaN when nothing was entered. Written into `into`, indexed by unit.
 */
function sumByUnit(exact, months, into) {
    if (exact)
        into.set(exact);
    else
        into.fill(Number.NaN);
    for (let unit = 0; unit < into.length; unit++) {
        if (into[unit] === into[unit])
            continue;
        let total = Number.NaN;
        for (const column of months) {
            const month = column[unit];
            if (month === month)
                total = total === total ? total + month : month;
        }
        into[unit] = total;
    }
    return into;
}
//# sourceMappingURL=packageRun.js.map