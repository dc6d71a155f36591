import { errors } from "../errors.js";
/**
 * Parses a use case's props with the schema its route validates requests with, so a caller
 * other than the API (a CLI, the demo loader) gets the same defaults and the same 400s.
 */
export function parseInput(schema, value) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const details = parsed.error.issues.map((issue) => ({ at: issue.path.join('.'), message: issue.message }));
    throw errors.validation(`${details[0].at}: ${details[0].message}`, details);
}
//# sourceMappingURL=input.js.map