import type { Span } from '../formula/ast.ts';
import { renderMessage, type Locale, type MessageKey, type MessageParams } from './catalogue.ts';

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
] as const;
export const RUNTIME_ERROR_CODES = ['DIV_ZERO', 'NO_MATCH', 'MISSING_VALUE', 'ZONE_OVERLAP'] as const;

export type StaticErrorCode = (typeof STATIC_ERROR_CODES)[number];
export type RuntimeErrorCode = (typeof RUNTIME_ERROR_CODES)[number];
export type ErrorCode = StaticErrorCode | RuntimeErrorCode;

export interface Message {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/**
 * A problem in a programme or in a run, located well enough to act on. `at` is the
 * formula's location (`package.activityFormulas.name`) or a path into the input
 * (`packages[0].code`, `data[12].value`).
 */
export interface EngineError {
  readonly code: ErrorCode;
  readonly at: string;
  readonly message: Message;
  readonly hint?: Message;
  /** The formula text and the part of it at fault. */
  readonly formula?: string;
  readonly span?: Span;
  /** Other locations of the same problem: the other formulas of a cycle. */
  readonly related?: readonly string[];
  readonly orgUnit?: string;
  readonly period?: string;
  readonly activity?: string;
}

/** One line: location, message, hint, and for run-time errors where it happened. */
export function describeError(error: EngineError, locale: Locale = 'en'): string {
  let text = `${error.at}: ${renderMessage(error.message.key, error.message.params, locale)}`;
  if (error.hint) text += ` — ${renderMessage(error.hint.key, error.hint.params, locale)}`;
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
export function excerpt(error: EngineError): string | undefined {
  if (error.formula === undefined || error.span === undefined) return undefined;
  const width = Math.max(1, error.span.end - error.span.start);
  return `  ${error.formula}\n  ${' '.repeat(error.span.start)}${'^'.repeat(width)}`;
}

/** Codes and locations only, for comparing and sorting. */
export function errorKey(error: EngineError): string {
  return `${error.code} ${error.at}`;
}

export function schemaError(at: string, key: MessageKey, params: MessageParams = {}): EngineError {
  return { code: 'SCHEMA', at, message: { key, params } };
}
