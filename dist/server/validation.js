import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { errors } from "../domain/errors.js";
/**
 * Every request's parameters, query and body are checked at the edge, beyond their schemas:
 * no string may hold a NUL character (PostgreSQL's text cannot, and would answer 500), and no
 * object may hold a field its schema does not name (a misspelt field silently ignored is a
 * value silently lost). Both answer 400 naming the field, as a schema's own errors do.
 */
export const validatorCompiler = (route) => {
    const validate = zodValidatorCompiler(route);
    const part = route.httpPart === 'querystring' ? 'querystring' : (route.httpPart ?? 'body');
    return (data) => {
        const nul = findNul(data, part);
        if (nul)
            return { error: errors.validation(`${nul}: must not hold a NUL character`, [{ at: nul, message: 'must not hold a NUL character' }]) };
        const result = validate(data);
        if (result.error || part === 'headers')
            return result;
        const unknown = unknownField(data, result.value, part);
        if (unknown)
            return { error: errors.validation(`${unknown}: unknown field`, [{ at: unknown, message: 'unknown field' }]) };
        return result;
    };
};
/** The path of the first string holding a NUL, in keys or values. */
function findNul(value, at) {
    if (typeof value === 'string')
        return value.includes('\u0000') ? at : undefined;
    if (value === null || typeof value !== 'object')
        return undefined;
    for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000'))
            return `${at}.${key.replaceAll('\u0000', '\\0')}`;
        const found = findNul(inner, `${at}.${key}`);
        if (found)
            return found;
    }
    return undefined;
}
/**
 * The path of the first field of the input the schema left out of its output: what zod
 * strips are the fields it does not know. Where a schema made something else of a value (a
 * transform), its fields are not compared.
 */
function unknownField(input, output, at) {
    if (Array.isArray(input)) {
        if (!Array.isArray(output) || output.length !== input.length)
            return undefined;
        for (let i = 0; i < input.length; i++) {
            const found = unknownField(input[i], output[i], `${at}.${i}`);
            if (found)
                return found;
        }
        return undefined;
    }
    if (!isRecord(input) || !isRecord(output))
        return undefined;
    for (const key of Object.keys(input)) {
        if (!(key in output))
            return `${at}.${key}`;
        const found = unknownField(input[key], output[key], `${at}.${key}`);
        if (found)
            return found;
    }
    return undefined;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
//# sourceMappingURL=validation.js.map