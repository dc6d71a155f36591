import { assertNever } from "./ast.js";
import { findFunction } from "../functions/catalogue.js";
import { OPERATORS, not } from "../functions/operators.js";
/**
 * Evaluates a checked formula by walking its tree, reading names through `read`. The
 * engine runs compiled closures instead; this walk serves provenance, where it records
 * what each formula read and recomputes the value from those readings (tests compare
 * the two). Division by zero gives NaN, as a failed value.
 */
export function evaluateFormula(expr, read) {
    const scalar = (node) => {
        switch (node.kind) {
            case 'number':
                return node.value;
            case 'name': {
                const value = read(node.name);
                return typeof value === 'number' ? value : Number.NaN;
            }
            case 'negate':
                return -scalar(node.operand);
            case 'not':
                return not(scalar(node.operand));
            case 'binary': {
                const left = scalar(node.left);
                const right = scalar(node.right);
                if (node.op === '/')
                    return right === 0 ? Number.NaN : left / right;
                return OPERATORS[node.op](left, right);
            }
            case 'call':
                return call(node);
            default:
                return assertNever(node);
        }
    };
    const call = (node) => {
        const spec = findFunction(node.fn);
        if (!spec)
            return Number.NaN;
        if (spec.kind === 'conditional') {
            const test = scalar(node.args[0]);
            if (test !== test)
                return test;
            return scalar(node.args[test !== 0 ? 1 : 2]);
        }
        if (spec.kind === 'scalar')
            return spec.apply(...node.args.map(scalar));
        const values = [];
        for (const arg of node.args) {
            const value = arg.kind === 'name' ? read(arg.name) : scalar(arg);
            if (typeof value === 'number')
                values.push(value);
            else
                values.push(...value);
        }
        return spec.apply(values);
    };
    return scalar(expr);
}
//# sourceMappingURL=evaluate.js.map