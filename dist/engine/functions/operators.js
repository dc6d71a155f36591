/**
 * Binary operators on numbers. Comparisons and logic give 1 or 0 and NaN when an operand
 * is NaN (a failed value), so a failure is never mistaken for "false". Division by zero is
 * left to the caller, which must report it.
 */
export const OPERATORS = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '=': (a, b) => (a === b ? 1 : a !== a || b !== b ? Number.NaN : 0),
    '!=': (a, b) => (a !== b ? (a !== a || b !== b ? Number.NaN : 1) : 0),
    '<': (a, b) => (a < b ? 1 : a >= b ? 0 : Number.NaN),
    '<=': (a, b) => (a <= b ? 1 : a > b ? 0 : Number.NaN),
    '>': (a, b) => (a > b ? 1 : a <= b ? 0 : Number.NaN),
    '>=': (a, b) => (a >= b ? 1 : a < b ? 0 : Number.NaN),
    AND: (a, b) => (a !== a || b !== b ? Number.NaN : a !== 0 && b !== 0 ? 1 : 0),
    OR: (a, b) => (a !== a || b !== b ? Number.NaN : a !== 0 || b !== 0 ? 1 : 0),
};
export const negate = (a) => -a;
export const not = (a) => (a !== a ? Number.NaN : a === 0 ? 1 : 0);
//# sourceMappingURL=operators.js.map