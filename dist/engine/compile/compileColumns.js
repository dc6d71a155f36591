import { assertNever } from "../formula/ast.js";
import { findFunction } from "../functions/catalogue.js";
import { OPERATORS, not } from "../functions/operators.js";
import { columnOf } from "./block.js";
import { compileFormula } from "./compileFormula.js";
import { FAULT } from "./cursor.js";
import { leafColumn } from "./leaves.js";
/**
 * Compiles a checked formula of a row scope into columns: each node computes its values for
 * a whole block of elements in one loop, so the cost of calling a closure is paid once a
 * block rather than once a value. The values are those of `compileFormula`, operation for
 * operation; faults are not recorded here (a fault is a NaN, and the evaluation loop
 * evaluates a NaN element again one at a time to report it). `IF` computes both branches
 * and picks per element: a branch's NaN where it is not taken is dropped, as if never
 * evaluated. Calls reading a list (`SUM(amount)` over a unit's activities), and functions of
 * three or more numbers without a loop of their own (`SCORE_TABLE`), run one element at a
 * time through `compileFormula`'s closures. `leaves` shares the reading of each name among
 * the formulas of one scope of a package.
 */
export function compileColumns(expr, bind, leaves = new Map()) {
    return compile(expr);
    function compile(node) {
        switch (node.kind) {
            case 'number':
                return constantColumn(node.value);
            case 'name': {
                const binding = bind(node.name);
                if (binding.kind !== 'scalar')
                    throw new Error(`list '${node.name}' outside an aggregate passed the checks`);
                let leaf = leaves.get(node.name);
                if (!leaf)
                    leaves.set(node.name, (leaf = leafColumn(binding.leaf)));
                return leaf;
            }
            case 'negate':
                return mapColumn(compile(node.operand), (x) => -x);
            case 'not':
                return mapColumn(compile(node.operand), not);
            case 'binary':
                return node.right.kind === 'number' && node.op !== '/'
                    ? withConstant(node.op, compile(node.left), node.right.value)
                    : binary(node.op, compile(node.left), compile(node.right));
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
            return choose(condition, then, otherwise);
        }
        const readsList = call.args.some((arg) => arg.kind === 'name' && bind(arg.name).kind === 'list');
        if (readsList)
            return oneAtATime(compileFormula(call, bind));
        if (spec.columns)
            return loopColumn(call.args.map(compile), spec.columns);
        if (spec.kind === 'aggregate')
            return gather(call.args.map(compile), spec.apply);
        if (call.args.length === 1)
            return mapColumn(compile(call.args[0]), spec.apply);
        if (call.args.length === 2)
            return zipColumns(compile(call.args[0]), compile(call.args[1]), spec.apply);
        return oneAtATime(compileFormula(call, bind));
    }
}
function constantColumn(value) {
    let out = new Float64Array(0);
    return (b) => (out.length >= b.capacity ? out : (out = new Float64Array(b.capacity).fill(value)));
}
function mapColumn(operand, apply) {
    const column = columnOf();
    return (b) => {
        const x = operand(b);
        const out = column(b);
        for (let k = 0; k < b.n; k++)
            out[k] = apply(x[k]);
        return out;
    };
}
function zipColumns(left, right, apply) {
    const column = columnOf();
    return (b) => {
        const x = left(b);
        const y = right(b);
        const out = column(b);
        for (let k = 0; k < b.n; k++)
            out[k] = apply(x[k], y[k]);
        return out;
    };
}
/** A function with a loop of its own over columns (see ColumnLoop). */
function loopColumn(parts, loop) {
    const column = columnOf();
    return (b) => {
        const args = parts.map((part) => part(b));
        const out = column(b);
        loop(out, args, b.n);
        return out;
    };
}
/** An aggregate of numbers only, such as `AVG(a, b)`. */
function gather(parts, apply) {
    const column = columnOf();
    const values = new Array(parts.length).fill(0);
    return (b) => {
        const columns = parts.map((part) => part(b));
        const out = column(b);
        for (let k = 0; k < b.n; k++) {
            for (let i = 0; i < columns.length; i++)
                values[i] = columns[i][k];
            out[k] = apply(values);
        }
        return out;
    };
}
/**
 * IF per element, without a branch on the condition (which a processor cannot predict in
 * PBF data): both branches side by side in one array, the condition picking the half.
 */
function choose(condition, then, otherwise) {
    const column = columnOf();
    let both = new Float64Array(0);
    return (b) => {
        const test = condition(b);
        const n = b.n;
        if (both.length < 2 * b.capacity)
            both = new Float64Array(2 * b.capacity);
        both.set(otherwise(b).subarray(0, n));
        both.set(then(b).subarray(0, n), n);
        const out = column(b);
        for (let k = 0; k < n; k++) {
            const t = test[k];
            out[k] = t !== t ? t : both[k + n * +(t !== 0)];
        }
        return out;
    };
}
/** The arithmetic operators in loops of their own: the bulk of PBF formulas. */
function binary(op, left, right) {
    const column = columnOf();
    const loop = (body) => {
        return (b) => {
            const x = left(b);
            const y = right(b);
            const out = column(b);
            body(out, x, y, b.n);
            return out;
        };
    };
    switch (op) {
        case '+':
            return loop((out, x, y, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] + y[k];
            });
        case '-':
            return loop((out, x, y, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] - y[k];
            });
        case '*':
            return loop((out, x, y, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] * y[k];
            });
        case '/':
            return loop((out, x, y, n) => {
                for (let k = 0; k < n; k++) {
                    const d = y[k];
                    out[k] = d === 0 ? Number.NaN : x[k] / d;
                }
            });
        default:
            return zipColumns(left, right, OPERATORS[op]);
    }
}
/**
 * `x > 0.1`, `x * 2`: as `compileFormula` does, the literal is captured, not read.
 * Comparisons turn the boolean into a number without a branch; the literal is never NaN.
 */
function withConstant(op, left, c) {
    const column = columnOf();
    const loop = (body) => {
        return (b) => {
            const x = left(b);
            const out = column(b);
            body(out, x, b.n);
            return out;
        };
    };
    switch (op) {
        case '+':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] + c;
            });
        case '-':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] - c;
            });
        case '*':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++)
                    out[k] = x[k] * c;
            });
        case '=':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++) {
                    const a = x[k];
                    out[k] = a !== a ? Number.NaN : +(a === c);
                }
            });
        case '>':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++) {
                    const a = x[k];
                    out[k] = a !== a ? Number.NaN : +(a > c);
                }
            });
        case '<':
            return loop((out, x, n) => {
                for (let k = 0; k < n; k++) {
                    const a = x[k];
                    out[k] = a !== a ? Number.NaN : +(a < c);
                }
            });
        default: {
            const apply = OPERATORS[op];
            return mapColumn(left, (a) => apply(a, c));
        }
    }
}
/** A part of a formula computed element by element with the cursor placed on each. */
function oneAtATime(fn) {
    const column = columnOf();
    return (b) => {
        const out = column(b);
        const c = b.cursor;
        for (let row = b.rowStart, k = 0; row < b.rowEnd; row++) {
            for (let a = 0; a < b.per; a++) {
                b.place(row, a);
                out[k++] = fn(c);
            }
        }
        c.fault = FAULT.none;
        return out;
    };
}
//# sourceMappingURL=compileColumns.js.map