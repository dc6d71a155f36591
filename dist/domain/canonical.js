import { createHash } from 'node:crypto';
/** JSON with object keys sorted, so equal content always gives equal text and hash. */
export function canonicalJson(value) {
    // A row of plain values (the runs' hashed inputs) has no keys to sort: skip the replacer.
    if (Array.isArray(value) && value.every(isPlain))
        return JSON.stringify(value);
    return JSON.stringify(value, (_key, inner) => inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : inner);
}
const isPlain = (item) => item === null || typeof item !== 'object';
export function sha256(text) {
    return createHash('sha256').update(text).digest('hex');
}
/** SHA-256 of a sequence of values, each as canonical JSON on its own line, without building one large text. */
export function sha256Lines(values) {
    const hash = createHash('sha256');
    // Lines are handed over some 64 KB at a time: one update per line costs more than the hashing.
    let pending = '';
    for (const value of values) {
        pending += `${canonicalJson(value)}\n`;
        if (pending.length >= 65_536) {
            hash.update(pending);
            pending = '';
        }
    }
    return hash.update(pending).digest('hex');
}
/**
 * Orders strings by Unicode code point, as PostgreSQL's "C" collation orders their UTF-8
 * bytes. Comparing UTF-16 code units (`<`) agrees except where a character above U+FFFF
 * (stored as a surrogate pair) meets one in U+E000–U+FFFF; the fix-up moves surrogates above.
 */
export function byCodePoints(a, b) {
    if (a === b)
        return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        return x >= 0xd800 && y >= 0xd800 ? codePointRank(x) - codePointRank(y) : x - y;
    }
    return a.length - b.length;
}
const codePointRank = (unit) => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);
//# sourceMappingURL=canonical.js.map