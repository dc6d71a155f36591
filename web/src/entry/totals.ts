import { readEntry, VALUE_LIMITS } from '../../../src/contract/values.ts';

/** Sums kept exact to the stored decimals, so a register total compares without float noise. */
const SCALE = 10 ** VALUE_LIMITS.decimals;

export function sameAmount(a: number, b: number): boolean {
  return Math.round(a * SCALE) === Math.round(b * SCALE);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + Math.round(value * SCALE), 0) / SCALE;
}

export type RegisterResult = 'missing' | 'invalid' | 'matches' | 'differs';

/** The paper register's total as the clerk typed it, against the grid's total. */
export function registerResult(text: string, gridTotal: number, locale: string): RegisterResult {
  const read = readEntry(text, locale, undefined);
  if (read.kind === 'empty') return 'missing';
  if (read.kind === 'invalid') return 'invalid';
  return sameAmount(read.value, gridTotal) ? 'matches' : 'differs';
}
