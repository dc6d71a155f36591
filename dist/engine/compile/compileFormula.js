import { assertNever } from "../formula/ast.js";
import { findFunction } from "../functions/catalogue.js";
import { OPERATORS, not } from "../functions/operators.js";
import { Cursor, FAULT, fail } from "./cursor.js";
import { leafReader } from "./leaves.js";
/**
 * Compiles a checked formula into a tree of closures, once; evaluating it is then a few
 * direct calls per node with no lookup by name. `bind` gives each name's reader.
 */
export function compileFormula(expr, bind) {
    return compile(expr);
    function compile(node) {
        switch (node.kind) {
            case 'number': {
                const value = node.value;
                return () => value;
            }
            case 'name': {
                const binding = bind(node.name);
                if (binding.kind !== 'scalar')
                    throw new Error(`list '${node.name}' outside an aggregate passed the checks`);
                return leafReader(binding.leaf);
            }
            case 'negate': {
                const operand = compile(node.operand);
                return (c) => -operand(c);
            }
            case 'not': {
                const operand = compile(node.operand);
                return (c) => not(operand(c));
            }
            case 'binary':
                return node.right.kind === 'number' && node.op !== '/'
                    ? compileWithConstant(node.op, compile(node.left), node.right.value)
                    : compileBinary(node.op, compile(node.left), compile(node.right));
            case 'call':
                return compileCall(node);
            default:
                return assertNever(node);
        }
    }
    function compileCall(call) {
        const spec = findFunction(call.fn);
        if (!spec)
            throw new Error(`unknown function '${call.fn}' passed the checks`);
        if (spec.kind === 'conditional') {
            const [condition, then, otherwise] = call.args.map(compile);
            return (c) => {
                const test = condition(c);
                return test !== test ? test : test !== 0 ? then(c) : otherwise(c);
            };
        }
        if (spec.kind === 'scalar')
            return compileScalarCall(spec.apply, call.args.map(compile));
        return compileAggregate(spec, call.args);
    }
    function compileAggregate(spec, args) {
        const parts = args.map((arg) => {
            const binding = arg.kind === 'name' ? bind(arg.name) : undefined;
            return binding?.kind === 'list' ? binding.list : compile(arg);
        });
        const only = parts[0];
        if (parts.length === 1 && typeof only === 'object' && spec.name === 'SUM')
            return sumList(only);
        const apply = spec.apply;
        if (parts.every((part) => typeof part === 'function')) {
            const scalars = parts;
            const fixed = new Array(scalars.length).fill(0);
            return (c) => {
                for (let i = 0; i < scalars.length; i++)
                    fixed[i] = scalars[i](c);
                return apply(fixed);
            };
        }
        const values = [];
        return (c) => {
            values.length = 0;
            for (const part of parts) {
                if (typeof part === 'function')
                    values.push(part(c));
                else if (collect(c, part, values))
                    return Number.NaN;
            }
            return apply(values);
        };
    }
}
function compileBinary(op, left, right) {
    switch (op) {
        case '+':
            return (c) => left(c) + right(c);
        case '-':
            return (c) => left(c) - right(c);
        case '*':
            return (c) => left(c) * right(c);
        case '/':
            return (c) => {
                const numerator = left(c);
                const denominator = right(c);
                return denominator === 0 ? fail(c, FAULT.divZero, '') : numerator / denominator;
            };
        default: {
            const apply = OPERATORS[op];
            return (c) => apply(left(c), right(c));
        }
    }
}
/** `x > 0.1`, `x * 2`: the literal is captured instead of called. */
function compileWithConstant(op, left, k) {
    switch (op) {
        case '+':
            return (c) => left(c) + k;
        case '-':
            return (c) => left(c) - k;
        case '*':
            return (c) => left(c) * k;
        // Comparisons inline: the most common conditions in PBF rules (`gap > 0.1`, `x = 1`).
        case '=':
            return (c) => {
                const a = left(c);
                return a === k ? 1 : a === a ? 0 : Number.NaN;
            };
        case '>':
            return (c) => {
                const a = left(c);
                return a > k ? 1 : a <= k ? 0 : Number.NaN;
            };
        case '<':
            return (c) => {
                const a = left(c);
                return a < k ? 1 : a >= k ? 0 : Number.NaN;
            };
        default: {
            const apply = OPERATORS[op];
            return (c) => apply(left(c), k);
        }
    }
}
function compileScalarCall(apply, args) {
    if (args.length === 1) {
        const [only] = args;
        return (c) => apply(only(c));
    }
    if (args.length === 2) {
        const [first, second] = args;
        return (c) => apply(first(c), second(c));
    }
    return (c) => apply(...args.map((arg) => arg(c)));
}
/** Fast path for the most common aggregate, SUM over one list. */
function sumList(list) {
    const { slot, fault, name } = list;
    if (list.over === 'inputs' || list.over === 'isNull') {
        const flag = list.over === 'isNull';
        return (c) => {
            let total = 0;
            for (let a = 0, i = slot; a < c.activityCount; a++, i += c.inputCount) {
                const value = c.inputs[i][c.unit];
                total += value !== value ? (flag ? 1 : 0) : flag ? 0 : value;
            }
            return total;
        };
    }
    if (list.over === 'constants') {
        const values = [];
        return (c) => {
            // Emptied first: a failed collect leaves what it gathered before the missing constant.
            values.length = 0;
            return collect(c, list, values) ? Number.NaN : values.reduce((total, value) => total + value, 0);
        };
    }
    const sum = list.over === 'activities'
        ? (c) => {
            let total = 0;
            const values = c.act;
            const stride = c.actStride;
            for (let i = c.unitActBase + slot, end = i + c.activityCount * stride; i < end; i += stride)
                total += values[i];
            return total;
        }
        : (c) => {
            let total = 0;
            const values = c.pkg;
            const stride = c.pkgStride;
            for (let row = c.firstRow; row < c.endRow; row++)
                total += values[row * stride + slot];
            return total;
        };
    if (fault === FAULT.none)
        return sum;
    return (c) => {
        const total = sum(c);
        return total !== total ? fail(c, fault, name) : total;
    };
}
/** Appends an input's values (missing as 0) or missing-value flags across the unit's activities. */
function collectInputs(c, input, isNull, into) {
    for (let a = 0, i = input; a < c.activityCount; a++, i += c.inputCount) {
        const value = c.inputs[i][c.unit];
        const missing = value !== value;
        into.push(isNull ? (missing ? 1 : 0) : missing ? 0 : value);
    }
}
/** Appends a list's elements; returns true when an element is a fault (already recorded). */
function collect(c, list, into) {
    if (list.over === 'inputs' || list.over === 'isNull') {
        collectInputs(c, list.slot, list.over === 'isNull', into);
        return false;
    }
    if (list.over === 'constants') {
        for (let a = 0, i = list.slot; a < c.activityCount; a++, i += c.constantCount) {
            const value = c.constants[i];
            if (value !== value) {
                fail(c, list.fault, list.name);
                return true;
            }
            into.push(value);
        }
        return false;
    }
    let values;
    let start;
    let stride;
    let count;
    if (list.over === 'activities') {
        values = c.act;
        stride = c.actStride;
        start = c.unitActBase + list.slot;
        count = c.activityCount;
    }
    else {
        values = c.pkg;
        stride = c.pkgStride;
        start = c.firstRow * stride + list.slot;
        count = c.endRow - c.firstRow;
    }
    for (let k = 0, i = start; k < count; k++, i += stride) {
        const value = values[i];
        if (value !== value && list.fault !== FAULT.none) {
            fail(c, list.fault, list.name);
            return true;
        }
        into.push(value);
    }
    return false;
}
//# sourceMappingURL=compileFormula.js.map