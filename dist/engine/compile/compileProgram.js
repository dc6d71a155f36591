import { compileColumns } from "./compileColumns.js";
import { compileFormula } from "./compileFormula.js";
import { FAULT } from "./cursor.js";
import { layoutPackage, layoutPayment } from "./layout.js";
export function compileProgram(checked) {
    const attributeSlot = new Map(checked.attributeNames.map((name, i) => [name, i]));
    return {
        checked,
        packages: checked.packages.map((pkg) => compilePackage(checked, pkg, attributeSlot)),
        payments: checked.payments.map((payment) => compilePayment(payment, attributeSlot)),
    };
}
function compilePackage(program, checked, attributeSlot) {
    const layout = layoutPackage(program.program, checked);
    const leaves = { activity: new Map(), package: new Map() };
    const steps = checked.order.map((formula) => {
        const bind = (name) => {
            const resolution = checked.scope.resolve(formula.scope, name);
            if (!resolution)
                throw new Error(`name '${name}' of ${formula.location} passed the checks unresolved`);
            return bindPackageName(name, resolution, layout, attributeSlot);
        };
        const slots = formula.scope === 'activity' ? layout.activitySlots : formula.scope === 'zone' ? layout.zoneSlots : layout.packageSlots;
        const fn = compileFormula(formula.expr, bind);
        if (formula.scope === 'zone')
            return { formula, slot: slots.get(formula.name), fn };
        return { formula, slot: slots.get(formula.name), fn, columns: compileColumns(formula.expr, bind, formula.scope === 'activity' ? leaves.activity : leaves.package) };
    });
    return { checked, layout, steps };
}
function compilePayment(checked, attributeSlot) {
    const layout = layoutPayment(checked);
    const steps = checked.order.map((formula) => {
        const bind = (name) => {
            const resolution = checked.scope.resolve(name);
            if (!resolution)
                throw new Error(`name '${name}' of ${formula.location} passed the checks unresolved`);
            if (resolution.source.kind === 'attribute')
                return scalar('attribute', attributeSlot.get(name), name, FAULT.missingValue);
            return scalar('package', layout.slots.get(name), name, FAULT.none);
        };
        return { formula, slot: layout.slots.get(formula.name), fn: compileFormula(formula.expr, bind) };
    });
    return { checked, layout, steps };
}
/** The fault a NaN value of this source means; formulas' NaN is an upstream failure. */
function faultOf(source) {
    if (source.kind === 'constant' || source.kind === 'attribute')
        return FAULT.missingValue;
    if (source.kind === 'table')
        return FAULT.noMatch;
    return FAULT.none;
}
function bindPackageName(name, resolution, layout, attributeSlot) {
    const { source, list } = resolution;
    const fault = faultOf(source);
    if (source.kind === 'attribute')
        return scalar('attribute', attributeSlot.get(name), name, fault);
    const constant = layout.constants.get(name);
    if (constant !== undefined) {
        if (list === 'activity')
            return { kind: 'list', list: { over: 'constants', slot: constant, name, fault } };
        return scalar('constant', constant, name, fault);
    }
    const input = layout.inputs.get(name);
    if (input) {
        if (list === 'activity') {
            return { kind: 'list', list: { over: input.isNull ? 'isNull' : 'inputs', slot: input.input, name, fault } };
        }
        return scalar(input.isNull ? 'isNull' : 'input', input.input, name, fault);
    }
    if (list === 'activity') {
        return { kind: 'list', list: { over: 'activities', slot: layout.activitySlots.get(name), name, fault } };
    }
    if (list === 'target') {
        return { kind: 'list', list: { over: 'targets', slot: layout.packageSlots.get(name), name, fault } };
    }
    const activitySlot = layout.activitySlots.get(name);
    if (activitySlot !== undefined)
        return scalar('activity', activitySlot, name, fault);
    const zoneSlot = layout.zoneSlots.get(name);
    if (zoneSlot !== undefined)
        return scalar('zone', zoneSlot, name, FAULT.none);
    return scalar('package', layout.packageSlots.get(name), name, fault);
}
const scalar = (from, slot, name, fault) => ({
    kind: 'scalar',
    leaf: { from, slot, name, fault },
});
//# sourceMappingURL=compileProgram.js.map