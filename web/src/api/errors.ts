/**
 * Reading an error answer's details: the contract declares them per code
 * (src/contract/errors.ts); the screens read them here, never with a cast of their own.
 */
import type { DetailedCode, ErrorDetails, FieldProblem } from '../../../src/contract/errors.ts';
import type { Wire } from '../../../src/contract/wire.ts';
import { ApiError } from './client.ts';

/** The details of an error of `code`, as the API sends them. */
export type DetailsOf<Code extends DetailedCode> = Wire<ErrorDetails<Code>>;

/**
 * The details of `error` when it is an API error of `code` (typed by the contract), or
 * undefined: another error, another code, or none sent (null on the wire).
 */
export function detailsOf<Code extends DetailedCode>(error: unknown, code: Code): DetailsOf<Code> | undefined {
  if (!(error instanceof ApiError) || error.code !== code || error.details === null || error.details === undefined) return undefined;
  // The server makes an error of this code with these details only (src/domain/errors.ts's AppError).
  return error.details as DetailsOf<Code>;
}

/** One field or record an error names, and what is wrong with it (src/contract/errors.ts's fieldProblem; either may be left out). */
export type Problem = Partial<Wire<FieldProblem>>;

/**
 * The fields or records an error names in its details, whatever its code (a batch refused
 * names each invoice or payment at fault): their place and problem, read field by field.
 */
export function problemsOf(error: unknown): readonly Problem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.map((detail: unknown): Problem => {
    const read = (key: 'at' | 'code' | 'message') => {
      const value: unknown = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? { [key]: value } : {};
    };
    return { ...read('at'), ...read('code'), ...read('message') };
  });
}

/** A value write's CONFLICT: the value as it is now on the server (null when it does not exist, or for another error). */
export function currentValueOf(error: unknown): Extract<DetailsOf<'CONFLICT'>, { readonly current: unknown }>['current'] {
  const details = detailsOf(error, 'CONFLICT');
  return details && 'current' in details ? details.current : null;
}

/** The status an INVALID_STATE error names the record in, when it names one. */
export function stateOf(error: unknown): string | undefined {
  const details = detailsOf(error, 'INVALID_STATE');
  return details && 'status' in details ? details.status : undefined;
}
