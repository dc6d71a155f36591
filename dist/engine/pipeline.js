import { checkProgram } from "./check/checkProgram.js";
import { compileProgram } from "./compile/compileProgram.js";
import { DataSet } from "./model/dataSet.js";
import { OrgUnitTree } from "./model/orgUnits.js";
import { loadProgram } from "./model/program.js";
import { runProgram } from "./solve/run.js";
/**
 * Validates and compiles decoded inputs in the order a designer fixes them: the
 * programme's shape, the org units, then every static check, then the data values. All
 * errors of the first failing stage are returned at once; nothing is computed.
 */
export function prepare(raw, locale = 'en') {
    const loaded = loadProgram(raw.program, locale);
    const built = OrgUnitTree.build(raw.orgUnits, locale);
    const shapeErrors = [...loaded.errors.map(prefixed('program')), ...built.errors];
    if (!loaded.program || !built.tree)
        return { errors: shapeErrors };
    const checked = checkProgram(loaded.program, built.tree.attributeNames);
    if (!checked.checked)
        return { errors: checked.errors };
    const data = DataSet.fromRows(raw.data, built.tree, locale);
    if (!data.data)
        return { errors: data.errors };
    return { prepared: { compiled: compileProgram(checked.checked), tree: built.tree, data: data.data }, errors: [] };
}
export function run(prepared, request, options) {
    return runProgram(prepared.compiled, prepared.tree, prepared.data, request, options);
}
/** Schema errors located inside a larger document (`program.packages[0].code`). */
function prefixed(prefix) {
    return (error) => error.code === 'SCHEMA' ? { ...error, at: error.at ? `${prefix}.${error.at}` : prefix } : error;
}
//# sourceMappingURL=pipeline.js.map