import { LexError, tokenize } from "./lexer.js";
class ParseFailure {
    problem;
    constructor(problem) {
        this.problem = problem;
    }
}
const COMPARISONS = {
    '=': '=',
    '==': '=',
    '!=': '!=',
    '<>': '!=',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
};
/**
 * Parses one formula. Precedence from loosest: OR, AND, NOT, comparisons, + -, * /,
 * unary minus. `AND(` and `OR(` are also function calls; `NOT(x)` is the NOT operator.
 */
export function parseFormula(source) {
    let tokens;
    try {
        tokens = tokenize(source);
    }
    catch (error) {
        if (!(error instanceof LexError))
            throw error;
        return fail('syntax.unexpectedChar', { char: error.char }, error.span);
    }
    if (tokens.length === 1)
        return fail('syntax.empty', {}, { start: 0, end: 0 });
    try {
        const parser = new Parser(tokens);
        const expr = parser.parseOr();
        parser.expectEnd();
        return { ok: true, expr };
    }
    catch (error) {
        if (error instanceof ParseFailure)
            return { ok: false, problem: error.problem };
        throw error;
    }
}
function fail(key, params, span) {
    return { ok: false, problem: { key, params, span } };
}
/** Nesting deeper than any real formula; beyond it the parser stops instead of overflowing. */
export const MAX_NESTING = 200;
class Parser {
    tokens;
    index = 0;
    depth = 0;
    constructor(tokens) {
        this.tokens = tokens;
    }
    parseOr() {
        if (++this.depth > MAX_NESTING) {
            throw new ParseFailure({ key: 'syntax.tooDeep', params: { limit: MAX_NESTING }, span: this.peek() });
        }
        const expr = this.parseDisjunction();
        this.depth--;
        return expr;
    }
    parseDisjunction() {
        let left = this.parseAnd();
        while (this.atKeyword('OR')) {
            this.index++;
            left = binary('OR', left, this.parseAnd());
        }
        return left;
    }
    expectEnd() {
        const token = this.peek();
        if (token.type !== 'end')
            this.unexpected(token);
    }
    parseAnd() {
        let left = this.parseNot();
        while (this.atKeyword('AND')) {
            this.index++;
            left = binary('AND', left, this.parseNot());
        }
        return left;
    }
    parseNot() {
        const token = this.peek();
        if (this.atKeyword('NOT') && this.peek(1).type !== '(') {
            if (++this.depth > MAX_NESTING) {
                throw new ParseFailure({ key: 'syntax.tooDeep', params: { limit: MAX_NESTING }, span: token });
            }
            this.index++;
            const operand = this.parseNot();
            this.depth--;
            return { kind: 'not', operand, span: { start: token.start, end: operand.span.end } };
        }
        return this.parseComparison();
    }
    parseComparison() {
        let left = this.parseAdditive();
        for (;;) {
            const token = this.peek();
            const op = token.type === 'op' ? COMPARISONS[token.text] : undefined;
            if (!op)
                return left;
            this.index++;
            left = binary(op, left, this.parseAdditive());
        }
    }
    parseAdditive() {
        let left = this.parseMultiplicative();
        while (this.atOp('+') || this.atOp('-')) {
            const op = this.next().text;
            left = binary(op, left, this.parseMultiplicative());
        }
        return left;
    }
    parseMultiplicative() {
        let left = this.parseUnary();
        while (this.atOp('*') || this.atOp('/')) {
            const op = this.next().text;
            left = binary(op, left, this.parseUnary());
        }
        return left;
    }
    parseUnary() {
        if (this.atOp('-')) {
            const minus = this.next();
            if (++this.depth > MAX_NESTING) {
                throw new ParseFailure({ key: 'syntax.tooDeep', params: { limit: MAX_NESTING }, span: minus });
            }
            const operand = this.parseUnary();
            this.depth--;
            return { kind: 'negate', operand, span: { start: minus.start, end: operand.span.end } };
        }
        return this.parsePrimary();
    }
    parsePrimary() {
        const token = this.next();
        switch (token.type) {
            case 'number':
                return { kind: 'number', value: Number(token.text), span: token };
            case 'name':
            case 'keyword':
                if (this.peek().type === '(')
                    return this.parseCall(token);
                if (token.type === 'keyword')
                    return this.unexpected(token);
                return { kind: 'name', name: token.text, span: token };
            case '(': {
                const inner = this.parseOr();
                this.closeParen(token);
                return inner;
            }
            default:
                if (token.type === 'end')
                    return this.endedEarly();
                throw new ParseFailure({
                    key: 'syntax.expectedValue',
                    params: { token: token.text },
                    span: token,
                });
        }
    }
    parseCall(nameToken) {
        const open = this.next();
        const args = [];
        if (this.peek().type !== ')') {
            args.push(this.parseOr());
            while (this.peek().type === ',') {
                this.index++;
                args.push(this.parseOr());
            }
        }
        const close = this.closeParen(open);
        const span = { start: nameToken.start, end: close.end };
        // NOT(x) is the NOT operator written as a call: one tree for both spellings.
        if (nameToken.text.toUpperCase() === 'NOT' && args.length === 1)
            return { kind: 'not', operand: args[0], span };
        return {
            kind: 'call',
            fn: nameToken.text.toUpperCase(),
            args,
            span,
            fnSpan: nameToken,
        };
    }
    closeParen(open) {
        const token = this.peek();
        if (token.type === ')')
            return this.next();
        throw new ParseFailure({
            key: 'syntax.unclosedParen',
            params: { column: open.start + 1 },
            span: token.type === 'end' ? { start: open.start, end: open.end } : token,
        });
    }
    endedEarly() {
        const previous = this.tokens[this.index - 1];
        throw new ParseFailure({
            key: 'syntax.unexpectedEnd',
            params: { after: previous?.text ?? '' },
            span: previous ?? { start: 0, end: 0 },
        });
    }
    unexpected(token) {
        throw new ParseFailure({
            key: 'syntax.unexpectedToken',
            params: { token: token.text },
            span: token,
        });
    }
    atOp(text) {
        const token = this.peek();
        return token.type === 'op' && token.text === text;
    }
    atKeyword(word) {
        const token = this.peek();
        return token.type === 'keyword' && token.text.toUpperCase() === word;
    }
    peek(ahead = 0) {
        return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    }
    next() {
        const token = this.peek();
        if (this.index < this.tokens.length - 1)
            this.index++;
        return token;
    }
}
function binary(op, left, right) {
    return { kind: 'binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
}
//# sourceMappingURL=parser.js.map