export class LexError {
    char;
    span;
    constructor(char, span) {
        this.char = char;
        this.span = span;
    }
}
/** Words that are operators, whatever their case. */
export const KEYWORDS = new Set(['AND', 'OR', 'NOT']);
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const OPERATOR = /<=|>=|<>|!=|==|[-+*/=<>]/y;
const WHITESPACE = /\s+/y;
function stickyMatch(pattern, source, at) {
    pattern.lastIndex = at;
    return pattern.exec(source)?.[0];
}
/** Splits a formula into tokens; throws LexError at the first character it cannot read. */
export function tokenize(source) {
    const tokens = [];
    let at = 0;
    while (at < source.length) {
        const space = stickyMatch(WHITESPACE, source, at);
        if (space) {
            at += space.length;
            continue;
        }
        const token = readToken(source, at);
        tokens.push(token);
        at = token.end;
    }
    tokens.push({ type: 'end', text: '', start: source.length, end: source.length });
    return tokens;
}
function readToken(source, at) {
    const char = source.charAt(at);
    if (char === '(' || char === ')' || char === ',') {
        return { type: char, text: char, start: at, end: at + 1 };
    }
    const number = stickyMatch(NUMBER, source, at);
    if (number)
        return { type: 'number', text: number, start: at, end: at + number.length };
    const name = stickyMatch(NAME, source, at);
    if (name) {
        const type = KEYWORDS.has(name.toUpperCase()) ? 'keyword' : 'name';
        return { type, text: name, start: at, end: at + name.length };
    }
    const op = stickyMatch(OPERATOR, source, at);
    if (op)
        return { type: 'op', text: op, start: at, end: at + op.length };
    throw new LexError(char, { start: at, end: at + 1 });
}
//# sourceMappingURL=lexer.js.map