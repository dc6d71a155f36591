import { assertNever } from "./ast.js";
const PRECEDENCE = {
    OR: 1,
    AND: 2,
    '=': 4,
    '!=': 4,
    '<': 4,
    '<=': 4,
    '>': 4,
    '>=': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
};
const NEGATE_PRECEDENCE = 7;
const ATOM = 8;
/**
 * Prints an expression in canonical form with the fewest parentheses that keep its meaning;
 * parsing the output gives back the same tree.
 */
export function printFormula(expr, renderName = (name) => name) {
    return print(expr, renderName).text;
}
function print(expr, renderName) {
    switch (expr.kind) {
        case 'number':
            return { text: formatNumber(expr.value), precedence: ATOM };
        case 'name':
            return { text: renderName(expr.name, expr), precedence: ATOM };
        case 'negate':
            return {
                text: `-${wrap(print(expr.operand, renderName), NEGATE_PRECEDENCE)}`,
                precedence: NEGATE_PRECEDENCE,
            };
        case 'not':
            // Written as a call: `NOT (a + b) * c` would read as NOT applied to (a + b) only.
            return { text: `NOT(${print(expr.operand, renderName).text})`, precedence: ATOM };
        case 'binary': {
            const precedence = PRECEDENCE[expr.op];
            const left = wrap(print(expr.left, renderName), precedence);
            // Operators associate to the left, so an equal-precedence right operand needs parentheses.
            const right = wrap(print(expr.right, renderName), precedence + 1);
            return { text: `${left} ${expr.op} ${right}`, precedence };
        }
        case 'call':
            return {
                text: `${expr.fn}(${expr.args.map((arg) => print(arg, renderName).text).join(', ')})`,
                precedence: ATOM,
            };
        default:
            return assertNever(expr);
    }
}
function wrap(printed, minimum) {
    return printed.precedence < minimum ? `(${printed.text})` : printed.text;
}
/** Shortest round-trip form; a negative number in parentheses so it reads as one operand. */
export function formatNumber(value) {
    const text = String(value);
    return value < 0 ? `(${text})` : text;
}
//# sourceMappingURL=print.js.map