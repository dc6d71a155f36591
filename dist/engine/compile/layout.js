import { IS_NULL_SUFFIX, isActivityLevel } from "../check/scope.js";
export function layoutPackage(program, checked) {
    const activitySlots = new Map();
    const packageSlots = new Map();
    const zoneSlots = new Map();
    const constants = new Map();
    const tableOutputs = [];
    for (const [name, source] of checked.scope.names) {
        if (source.kind === 'constant')
            constants.set(name, constants.size);
        if (source.kind === 'attribute' || source.kind === 'input' || source.kind === 'isNull' || source.kind === 'constant')
            continue;
        const slots = source.kind === 'zoneFormula' ? zoneSlots : isActivityLevel(source) ? activitySlots : packageSlots;
        const slot = slots.size;
        slots.set(name, slot);
        if (source.kind === 'table') {
            const tables = program.decisionTables.flatMap((table, i) => table.package === checked.pkg.code && table.outputs.includes(name) ? [i] : []);
            tableOutputs.push({ name, slot, perActivity: source.perActivity === true, tables });
        }
    }
    const inputs = new Map();
    checked.pkg.inputs.forEach((state, input) => {
        inputs.set(state, { input, isNull: false });
        inputs.set(state + IS_NULL_SUFFIX, { input, isNull: true });
    });
    const constantValues = new Float64Array(checked.pkg.activities.length * constants.size);
    checked.pkg.activities.forEach((activity, a) => {
        for (const [name, index] of constants)
            constantValues[a * constants.size + index] = activity.constants?.[name] ?? Number.NaN;
    });
    return { activitySlots, packageSlots, zoneSlots, inputs, constants, constantValues, tableOutputs };
}
export function layoutPayment(checked) {
    const slots = new Map();
    const sources = [];
    for (const name of checked.scope.visibleNames()) {
        const resolution = checked.scope.resolve(name);
        if (!resolution || resolution.source.kind === 'attribute')
            continue;
        const slot = slots.size;
        slots.set(name, slot);
        const { packageCode, formulaName } = resolution.source;
        if (packageCode !== undefined && formulaName !== undefined)
            sources.push({ name, slot, packageCode, formulaName });
    }
    return { slots, sources };
}
//# sourceMappingURL=layout.js.map