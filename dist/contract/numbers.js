/**
 * Numbers as people read and write them, one rule per language, shared by the server, the
 * domain and every screen of the web client: what a screen displays parses back to the same
 * number, and a text is read as a number only when a reader of that language could not take
 * it for another one.
 *
 * English writes `1,234.5`: a point marks the decimals; commas (or spaces) group thousands,
 * and a group is exactly three digits after a first group of one to three. So `1,234` is 1234
 * and `12,5` is refused — it is not 125: a comma that does not group three digits is the
 * French decimal comma, and the refusal suggests `12.5`.
 *
 * French writes `1 234,5`: a comma marks the decimals; spaces (ordinary, no-break or narrow
 * no-break, which the display uses) group thousands, by three as in English. A point is read
 * as a decimal mark too, because numeric keypads type one (`12.5` is 12.5), except before
 * exactly three digits: `1.234` could be 1 234 (the point groups thousands in older French
 * writing) or 1,234, so it is refused and both readings are suggested. `1.234.567` and
 * `1.234,5`, which can only be the older writing, are refused with the spaced writing suggested.
 *
 * Both languages accept a leading minus sign (the programme designer's constants may be
 * negative) and no exponent (`1e3` is JavaScript, not a way people write numbers). Limits on
 * what may be stored are not the parser's business: see values.ts.
 */
/** Every space a number may be grouped with, read as one. */
const SPACES = /[ \u00a0\u202f]/g;
const WRITINGS = {
    en: {
        own: [{ decimal: '.', groups: [',', ' '] }],
        other: [{ decimal: ',', groups: ['.', ' '] }],
    },
    fr: {
        own: [
            { decimal: ',', groups: [' '] },
            { decimal: '.', groups: [' '], notBeforeThreeDigits: true },
        ],
        other: [
            { decimal: '.', groups: [','] },
            { decimal: ',', groups: ['.'] },
        ],
    },
};
/** French for a language tag starting with `fr` (the screens' `fr`, `fr-BI`), English otherwise. */
function isFrench(locale) {
    return /^fr\b/i.test(locale);
}
/** Reads a number typed or pasted by a person writing `locale` (see the rules above). */
export function parseNumber(text, locale) {
    const trimmed = text.trim();
    if (trimmed === '')
        return { kind: 'empty' };
    const sign = trimmed.startsWith('-') ? '-' : '';
    const body = trimmed.slice(sign.length).replace(SPACES, ' ');
    if (!/^\d(?:[\d ,.]*\d)?$/.test(body))
        return invalid('notNumber');
    const runs = body.split(/[ ,.]/);
    if (runs.includes(''))
        return invalid('notNumber');
    const separators = body.replace(/\d/g, '').split('');
    const writings = WRITINGS[isFrench(locale) ? 'fr' : 'en'];
    // The language's writings read a text one way, or it is refused with what it may mean.
    const [own, ...otherOwn] = distinct(writings.own.map((writing) => readAs(runs, separators, writing)));
    if (own !== undefined && otherOwn.length === 0) {
        // No minus zero: "-0" is 0.
        const plain = /^[0.]+$/.test(own) ? own : sign + own;
        return { kind: 'number', value: Number(plain), plain };
    }
    const readings = distinct([...writings.own, ...writings.other].map((writing) => readAs(runs, separators, { ...writing, notBeforeThreeDigits: false })));
    if (readings.length > 0)
        return invalid('otherWriting', readings.map((plain) => Number(sign + plain)));
    return invalid(separators.length > 0 ? 'grouping' : 'notNumber');
}
function invalid(problem, readings = []) {
    return { kind: 'invalid', problem, readings };
}
/**
 * The digits of `runs` (the digit runs between `separators`) as plain decimal text, when the
 * writing reads them: at most one decimal mark, last; before it, one kind of group separator,
 * with groups of three after a first group of one to three.
 */
function readAs(runs, separators, writing) {
    const hasFraction = separators.at(-1) === writing.decimal;
    const whole = hasFraction ? runs.slice(0, -1) : runs;
    const groups = hasFraction ? separators.slice(0, -1) : separators;
    const fraction = hasFraction ? runs.at(-1) : '';
    if (hasFraction && writing.notBeforeThreeDigits && fraction.length === 3)
        return undefined;
    if (groups.length > 0) {
        if (!writing.groups.includes(groups[0]) || groups.some((separator) => separator !== groups[0]))
            return undefined;
        if (whole[0].length > 3 || whole.slice(1).some((group) => group.length !== 3))
            return undefined;
    }
    const digits = whole.join('').replace(/^0+(?=\d)/, '');
    return fraction === '' ? digits : `${digits}.${fraction}`;
}
/** The texts read, each once, in order. */
function distinct(readings) {
    return [...new Set(readings.filter((reading) => reading !== undefined))];
}
/**
 * Digits as JavaScript's shortest exact writing gives them, rounded to at most `decimals`
 * (half away from zero), without exponent or grouping, `-` only before a non-zero number.
 */
function plainDigits(value, decimals) {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, useGrouping: false, signDisplay: 'negative' }).format(value);
}
/**
 * A number as the screens display it, with at most `decimals` decimals: `1,234.5` in English,
 * `1 234,5` in French, grouped with the narrow no-break space French typography (and the
 * browser's own French formats) use. It parses back to the number rounded to `decimals`.
 */
export function formatNumber(value, locale, decimals = 2) {
    const [whole = '', fraction] = plainDigits(value, decimals).split('.');
    const french = isFrench(locale);
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, french ? '\u202f' : ',');
    return fraction === undefined ? grouped : `${grouped}${french ? ',' : '.'}${fraction}`;
}
/**
 * A number as an input shows it for editing: every digit, the language's decimal mark, no
 * grouping (`1234,5`, `1234.5`), which parses back to the same number. `value` may be a
 * number or a plain decimal text (`-` and `.` only, as the API's exact amounts are written).
 */
export function editingText(value, locale) {
    const text = typeof value === 'number' ? plainDigits(value, 20) : value;
    return isFrench(locale) ? text.replace('.', ',') : text;
}
//# sourceMappingURL=numbers.js.map