import { roundHalfAwayFromZero } from "./round.js";
const hasNaN = (values) => values.some((value) => value !== value);
const truth = (value) => (value !== 0 ? 1 : 0);
function sum(values) {
    let total = 0;
    for (const value of values)
        total += value;
    return total;
}
/** The smallest or largest value; `pick(a, a)` is `a`, so folding from the first is exact. */
function extreme(values, pick) {
    if (values.length === 0)
        return 0;
    let best = values[0];
    for (let i = 1; i < values.length; i++)
        best = pick(best, values[i]);
    return best;
}
const safeDiv = (a, b) => (a !== a || b !== b ? Number.NaN : b === 0 ? 0 : a / b);
function scoreTable(args) {
    const x = args[0];
    const last = args.length - 1;
    for (let i = 1; i < last; i += 3) {
        if (args[i] <= x && x < args[i + 1])
            return args[i + 2];
    }
    return args[last];
}
/** Every function of the formula language; names are matched case-insensitively. */
export const FUNCTIONS = Object.freeze([
    {
        name: 'IF',
        kind: 'conditional',
        arity: { min: 3, max: 3 },
        signature: 'IF(condition, then, else)',
        summary: {
            en: 'then when the condition is not 0, else otherwise; only the branch taken is evaluated',
            fr: "then si la condition n'est pas 0, sinon else ; seule la branche retenue est évaluée",
        },
    },
    {
        name: 'SUM',
        kind: 'aggregate',
        arity: { min: 1 },
        signature: 'SUM(x, ...)',
        summary: { en: 'sum of numbers and lists (0 when empty)', fr: 'somme des nombres et listes (0 si vide)' },
        apply: sum,
    },
    {
        name: 'AVG',
        kind: 'aggregate',
        arity: { min: 1 },
        signature: 'AVG(x, ...)',
        summary: { en: 'average (0 when empty)', fr: 'moyenne (0 si vide)' },
        apply: (values) => (values.length === 0 ? 0 : sum(values) / values.length),
    },
    {
        name: 'MIN',
        kind: 'aggregate',
        arity: { min: 1 },
        signature: 'MIN(x, ...)',
        summary: { en: 'smallest value (0 when empty)', fr: 'plus petite valeur (0 si vide)' },
        apply: (values) => extreme(values, Math.min),
        columns: (out, args, n) => {
            out.set(args[0].subarray(0, n));
            for (const x of args.slice(1))
                for (let k = 0; k < n; k++)
                    out[k] = Math.min(out[k], x[k]);
        },
    },
    {
        name: 'MAX',
        kind: 'aggregate',
        arity: { min: 1 },
        signature: 'MAX(x, ...)',
        summary: { en: 'largest value (0 when empty)', fr: 'plus grande valeur (0 si vide)' },
        apply: (values) => extreme(values, Math.max),
        columns: (out, args, n) => {
            out.set(args[0].subarray(0, n));
            for (const x of args.slice(1))
                for (let k = 0; k < n; k++)
                    out[k] = Math.max(out[k], x[k]);
        },
    },
    {
        name: 'COUNT',
        kind: 'aggregate',
        arity: { min: 1 },
        signature: 'COUNT(x, ...)',
        summary: {
            en: 'number of elements, missing values included',
            fr: "nombre d'éléments, valeurs manquantes comprises",
        },
        apply: (values) => (hasNaN(values) ? Number.NaN : values.length),
    },
    {
        name: 'AND',
        kind: 'scalar',
        arity: { min: 1 },
        signature: 'AND(a, ...)',
        summary: { en: '1 when every argument is not 0', fr: "1 si aucun argument n'est 0" },
        apply: (...args) => (hasNaN(args) ? Number.NaN : args.every((a) => a !== 0) ? 1 : 0),
    },
    {
        name: 'OR',
        kind: 'scalar',
        arity: { min: 1 },
        signature: 'OR(a, ...)',
        summary: { en: '1 when any argument is not 0', fr: "1 si un argument n'est pas 0" },
        apply: (...args) => (hasNaN(args) ? Number.NaN : args.some((a) => a !== 0) ? 1 : 0),
    },
    {
        name: 'NOT',
        kind: 'scalar',
        arity: { min: 1, max: 1 },
        signature: 'NOT(a)',
        summary: { en: '1 when a is 0, else 0', fr: '1 si a vaut 0, sinon 0' },
        apply: (a) => (a !== a ? Number.NaN : 1 - truth(a)),
    },
    {
        name: 'ABS',
        kind: 'scalar',
        arity: { min: 1, max: 1 },
        signature: 'ABS(x)',
        summary: { en: 'absolute value', fr: 'valeur absolue' },
        apply: Math.abs,
        columns: (out, [x], n) => {
            for (let k = 0; k < n; k++)
                out[k] = Math.abs(x[k]);
        },
    },
    {
        name: 'ROUND',
        kind: 'scalar',
        arity: { min: 1, max: 2 },
        signature: 'ROUND(x[, digits])',
        summary: {
            en: 'rounds the printed decimal value half away from zero; digits may be negative',
            fr: "arrondit la valeur décimale affichée, la moitié en s'éloignant de zéro ; digits peut être négatif",
        },
        apply: (x, digits) => roundHalfAwayFromZero(x, digits ?? 0),
    },
    {
        name: 'FLOOR',
        kind: 'scalar',
        arity: { min: 1, max: 1 },
        signature: 'FLOOR(x)',
        summary: { en: 'largest integer not above x', fr: "plus grand entier qui ne dépasse pas x" },
        apply: Math.floor,
        columns: (out, [x], n) => {
            for (let k = 0; k < n; k++)
                out[k] = Math.floor(x[k]);
        },
    },
    {
        name: 'CEILING',
        kind: 'scalar',
        arity: { min: 1, max: 1 },
        signature: 'CEILING(x)',
        summary: { en: 'smallest integer not below x', fr: "plus petit entier qui n'est pas inférieur à x" },
        apply: Math.ceil,
        columns: (out, [x], n) => {
            for (let k = 0; k < n; k++)
                out[k] = Math.ceil(x[k]);
        },
    },
    {
        name: 'SAFE_DIV',
        kind: 'scalar',
        arity: { min: 2, max: 2 },
        signature: 'SAFE_DIV(a, b)',
        summary: { en: 'a / b, or 0 when b is 0', fr: 'a / b, ou 0 si b vaut 0' },
        apply: safeDiv,
        columns: (out, [x, y], n) => {
            for (let k = 0; k < n; k++)
                out[k] = safeDiv(x[k], y[k]);
        },
    },
    {
        name: 'SCORE_TABLE',
        kind: 'scalar',
        arity: { min: 5, step: 3 },
        signature: 'SCORE_TABLE(x, lo1, hi1, v1, ..., default)',
        summary: {
            en: 'v of the first triple with lo <= x < hi, else default',
            fr: 'v du premier triplet tel que lo <= x < hi, sinon default',
        },
        apply: (...args) => (hasNaN(args) ? Number.NaN : scoreTable(args)),
    },
]);
const BY_NAME = new Map(FUNCTIONS.map((spec) => [spec.name, spec]));
export function findFunction(upperCaseName) {
    return BY_NAME.get(upperCaseName);
}
export function acceptsArgumentCount(arity, count) {
    if (count < arity.min)
        return false;
    if (arity.max !== undefined && count > arity.max)
        return false;
    return arity.step === undefined || (count - arity.min) % arity.step === 0;
}
export function describeArity(arity) {
    if (arity.max === arity.min)
        return String(arity.min);
    if (arity.step !== undefined)
        return `${arity.min}, ${arity.min + arity.step}, ${arity.min + 2 * arity.step}...`;
    if (arity.max !== undefined)
        return `${arity.min}-${arity.max}`;
    return `${arity.min}+`;
}
//# sourceMappingURL=catalogue.js.map