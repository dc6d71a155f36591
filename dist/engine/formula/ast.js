export function assertNever(value) {
    throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
/** Every name the expression reads, in source order, with repeats. */
export function namesIn(expr, out = []) {
    switch (expr.kind) {
        case 'number':
            break;
        case 'name':
            out.push({ name: expr.name, span: expr.span });
            break;
        case 'negate':
        case 'not':
            namesIn(expr.operand, out);
            break;
        case 'binary':
            namesIn(expr.left, out);
            namesIn(expr.right, out);
            break;
        case 'call':
            for (const arg of expr.args)
                namesIn(arg, out);
            break;
        default:
            assertNever(expr);
    }
    return out;
}
//# sourceMappingURL=ast.js.map