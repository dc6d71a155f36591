import { z } from 'zod';
import { schemaError } from "../messages/errors.js";
/** `packages[0].activities[2].code` from a zod issue path. */
export function formatPath(prefix, path) {
    let text = prefix;
    for (const part of path) {
        if (typeof part === 'number')
            text += `[${part}]`;
        else
            text += text === '' ? String(part) : `.${String(part)}`;
    }
    return text;
}
const LOCALE_ERRORS = { en: z.locales.en().localeError, fr: z.locales.fr().localeError };
/** Validates `value` with `schema`; every issue becomes a SCHEMA error located by its path. */
export function parseWithSchema(schema, value, prefix, locale = 'en') {
    const result = schema.safeParse(value, { error: LOCALE_ERRORS[locale] });
    if (result.success)
        return { value: result.data, errors: [] };
    return {
        errors: result.error.issues.map((issue) => schemaError(formatPath(prefix, issue.path), 'SCHEMA', { reason: issue.message })),
    };
}
//# sourceMappingURL=validation.js.map