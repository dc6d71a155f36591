import { describeError, excerpt } from "../engine/index.js";
/** Prints errors with their formula excerpts, one block each. */
export function printErrors(errors, locale, write) {
    for (const error of errors) {
        write(`${error.code} ${describeError(error, locale)}`);
        const lines = excerpt(error);
        if (lines)
            write(lines);
    }
}
//# sourceMappingURL=output.js.map