import { describeError, excerpt, type EngineError, type Locale } from '../engine/index.ts';

/** Prints errors with their formula excerpts, one block each. */
export function printErrors(errors: readonly EngineError[], locale: Locale, write: (line: string) => void): void {
  for (const error of errors) {
    write(`${error.code} ${describeError(error, locale)}`);
    const lines = excerpt(error);
    if (lines) write(lines);
  }
}
