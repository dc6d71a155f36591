import { INPUT_TYPE_MESSAGES, inputTypeProblem } from "../../engine/index.js";
/**
 * The value against the type every package reading it gives its state (the package's
 * inputTypes): 12.5 deliveries, where the package counts deliveries, is refused, naming the
 * value's unit, activity and state. Undefined when every package reading it accepts it.
 */
export function valueTypeProblem(version, row, holdings) {
    for (const holding of holdings) {
        const pkg = version.program.packages.find((candidate) => candidate.code === holding.package);
        const type = pkg?.inputTypes?.[row.state];
        const problem = inputTypeProblem(type, row.value);
        if (!problem)
            continue;
        const what = `the ${row.state} value of activity '${row.activity}' at '${row.orgUnit}' for ${row.period}`;
        const message = `${what} ${INPUT_TYPE_MESSAGES.en[problem.reason](problem.value)} (package '${holding.package}' types ${row.state} as ${type})`;
        return { field: 'value', code: 'WRONG_TYPE', message };
    }
    return undefined;
}
//# sourceMappingURL=valueType.js.map