import { renderMessage } from "./catalogue.js";
export const STATIC_ERROR_CODES = [
    'SCHEMA',
    'SYNTAX',
    'UNKNOWN_NAME',
    'CYCLE',
    'UNKNOWN_FUNCTION',
    'ARITY',
    'LIST_OUTSIDE_AGGREGATE',
    'FREQUENCY',
    'DUPLICATE_NAME',
    'TABLE_SCOPE',
];
export const RUNTIME_ERROR_CODES = ['DIV_ZERO', 'NO_MATCH', 'MISSING_VALUE', 'ZONE_OVERLAP'];
/** One line: location, message, hint, and for run-time errors where it happened. */
export function describeError(error, locale = 'en') {
    let text = `${error.at}: ${renderMessage(error.message.key, error.message.params, locale)}`;
    if (error.hint)
        text += ` — ${renderMessage(error.hint.key, error.hint.params, locale)}`;
    if (error.orgUnit !== undefined && error.period !== undefined) {
        const context = [renderMessage('context.runtime', { orgUnit: error.orgUnit, period: error.period }, locale)];
        if (error.activity !== undefined) {
            context.push(renderMessage('context.activity', { activity: error.activity }, locale));
        }
        text += ` [${context.join(', ')}]`;
    }
    return text;
}
/** The formula with a caret line under the faulty part, for terminals and logs. */
export function excerpt(error) {
    if (error.formula === undefined || error.span === undefined)
        return undefined;
    const width = Math.max(1, error.span.end - error.span.start);
    return `  ${error.formula}\n  ${' '.repeat(error.span.start)}${'^'.repeat(width)}`;
}
/** Codes and locations only, for comparing and sorting. */
export function errorKey(error) {
    return `${error.code} ${error.at}`;
}
export function schemaError(at, key, params = {}) {
    return { code: 'SCHEMA', at, message: { key, params } };
}
//# sourceMappingURL=errors.js.map