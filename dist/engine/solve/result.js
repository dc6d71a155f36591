/** The values of a run, looked up by org unit, period and name, and its errors. */
export class RunResult {
    compiled;
    tree;
    data;
    packageRuns;
    paymentRuns;
    errors;
    /** All run-time errors, including those beyond the ones kept in `errors`. */
    errorCount;
    constructor(compiled, tree, data, packageRuns, paymentRuns, log) {
        this.compiled = compiled;
        this.tree = tree;
        this.data = data;
        this.packageRuns = packageRuns;
        this.paymentRuns = paymentRuns;
        this.errors = log.errors;
        this.errorCount = log.count;
    }
    get programCode() {
        return this.compiled.checked.program.code;
    }
    get programVersion() {
        return this.compiled.checked.program.version;
    }
    /** The value, NaN when its computation failed, undefined when the run did not compute it. */
    value(orgUnit, period, name) {
        const address = this.locate(orgUnit, period, name);
        return address === undefined ? undefined : readAddress(address);
    }
    locate(orgUnit, period, name) {
        const unit = this.tree.indexOf(orgUnit);
        if (unit === undefined)
            return undefined;
        const dot = name.indexOf('.');
        if (dot < 0)
            return undefined;
        const owner = name.slice(0, dot);
        const rest = name.slice(dot + 1);
        const payment = this.paymentRuns.find((run) => run.compiled.checked.payment.code === owner && run.period.id === period);
        if (payment) {
            const row = payment.rowOf[unit];
            return row >= 0 && payment.compiled.layout.slots.has(rest) ? { kind: 'payment', run: payment, row, name: rest } : undefined;
        }
        const run = this.packageRuns.find((candidate) => candidate.compiled.checked.pkg.code === owner && candidate.period.id === period);
        if (!run)
            return undefined;
        const { layout } = run.compiled;
        const second = rest.indexOf('.');
        if (second >= 0) {
            const activity = run.compiled.checked.pkg.activities.findIndex((a) => a.code === rest.slice(0, second));
            const slotName = rest.slice(second + 1);
            const row = run.rowOf[unit];
            const known = layout.activitySlots.has(slotName) || layout.inputs.has(slotName) || layout.constants.has(slotName);
            if (activity < 0 || row < 0 || !known)
                return undefined;
            return { kind: 'activity', run, row, activity, name: slotName };
        }
        if (layout.zoneSlots.has(rest)) {
            const zone = run.placement.zones.indexOf(unit);
            return zone >= 0 ? { kind: 'zone', run, zone, name: rest } : undefined;
        }
        const row = run.rowOf[unit];
        return row >= 0 && layout.packageSlots.has(rest) ? { kind: 'package', run, row, name: rest } : undefined;
    }
    /**
     * Every computed value; with `formulasOnly`, only formula results (not the inputs,
     * constants and table outputs they read).
     */
    *values(options = {}) {
        for (const run of this.packageRuns)
            yield* packageValues(run, options.formulasOnly ?? false);
        for (const run of this.paymentRuns) {
            const { slots } = run.compiled.layout;
            const names = [...slots].filter(([name]) => !options.formulasOnly || name in run.compiled.checked.payment.formulas);
            const code = run.compiled.checked.payment.code;
            for (let row = 0; row < run.units.length; row++) {
                const orgUnit = this.tree.id(run.units[row]);
                for (const [name, slot] of names) {
                    yield { orgUnit, period: run.period.id, name: `${code}.${name}`, value: run.values[row * run.stride + slot] };
                }
            }
        }
    }
}
export function readAddress(address) {
    switch (address.kind) {
        case 'activity': {
            const { run, row, activity, name } = address;
            return run.activityValue(row, activity, name);
        }
        case 'package': {
            const { run, row, name } = address;
            return run.pkg[row * run.pkgStride + run.compiled.layout.packageSlots.get(name)];
        }
        case 'zone': {
            const { run, zone, name } = address;
            return run.zone[zone * run.zoneStride + run.compiled.layout.zoneSlots.get(name)];
        }
        case 'payment': {
            const { run, row, name } = address;
            return run.values[row * run.stride + run.compiled.layout.slots.get(name)];
        }
        case 'attribute': {
            const { tree } = address.run;
            const index = tree.attributeNames.indexOf(address.name);
            return index < 0 ? Number.NaN : tree.attributeValues[address.unit * tree.attributeNames.length + index];
        }
    }
}
function* packageValues(run, formulasOnly) {
    const { pkg } = run.compiled.checked;
    const { activitySlots, packageSlots, zoneSlots, inputs, constants } = run.compiled.layout;
    const keep = (names, formulas) => [...names].filter(([name]) => !formulasOnly || name in formulas);
    const activityNames = keep(activitySlots, pkg.activityFormulas);
    const inputNames = formulasOnly ? [] : [...inputs.keys(), ...constants.keys()];
    const packageNames = keep(packageSlots, pkg.formulas);
    const period = run.period.id;
    for (let row = 0; row < run.rows; row++) {
        const orgUnit = run.tree.id(run.placement.units[row]);
        for (let a = 0; a < run.activityCount; a++) {
            const prefix = `${pkg.code}.${pkg.activities[a].code}.`;
            for (const name of inputNames)
                yield { orgUnit, period, name: prefix + name, value: run.activityValue(row, a, name) };
            for (const [name, slot] of activityNames) {
                yield { orgUnit, period, name: prefix + name, value: run.act[run.activitySlotIndex(row, a, slot)] };
            }
        }
        for (const [name, slot] of packageNames) {
            yield { orgUnit, period, name: `${pkg.code}.${name}`, value: run.pkg[row * run.pkgStride + slot] };
        }
    }
    const zones = run.placement.zones;
    for (let z = 0; z < zones.length; z++) {
        const orgUnit = run.tree.id(zones[z]);
        for (const [name, slot] of zoneSlots) {
            yield { orgUnit, period, name: `${pkg.code}.${name}`, value: run.zone[z * run.zoneStride + slot] };
        }
    }
}
//# sourceMappingURL=result.js.map