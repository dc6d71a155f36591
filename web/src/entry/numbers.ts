/**
 * Numbers as a clerk types or pastes them: "1 234", "12,5" in French, "1,234.5" in English,
 * cells copied from a spreadsheet. The server stores numbers ≥ 0 with at most 4 decimals
 * below 10¹¹ (src/domain/dataValues/value.ts); checking the same here names the bad cell
 * before anything is sent.
 */
export type EntryProblem = 'notNumber' | 'negative' | 'decimals' | 'tooLarge';

export type Parsed = { readonly value: number } | { readonly problem: EntryProblem } | { readonly empty: true };

const MAX_DECIMALS = 4;
const LIMIT = 1e11;

export function parseEntry(text: string, locale: string): Parsed {
  // Spaces, no-break and narrow no-break spaces group thousands in French.
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { empty: true };
  const normal = normalSeparators(compact, locale);
  if (normal === undefined || !/^-?\d+(?:\.\d+)?$/.test(normal)) return { problem: 'notNumber' };
  const value = Number(normal);
  if (value < 0) return { problem: 'negative' };
  if ((normal.split('.')[1]?.length ?? 0) > MAX_DECIMALS) return { problem: 'decimals' };
  if (value >= LIMIT) return { problem: 'tooLarge' };
  return { value };
}

/**
 * One decimal point and no grouping. With both separators, the last one is the decimal one;
 * with commas alone, a comma is decimal in French and groups thousands in English; a
 * separator repeated groups thousands.
 */
function normalSeparators(text: string, locale: string): string | undefined {
  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (text.split(decimal).length > 2) return undefined;
    return text.replaceAll(group, '').replace(decimal, '.');
  }
  if (commas === 1 && locale === 'fr') return text.replace(',', '.');
  if (commas > 0) return text.replaceAll(',', '');
  if (dots > 1) return text.replaceAll('.', '');
  return text;
}

/** A stored value as a cell shows it for editing: no grouping, the reader's decimal mark. */
export function entryText(value: number | undefined, locale: string): string {
  if (value === undefined) return '';
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Cells copied from a spreadsheet: rows on newlines, cells on tabs; the final newline is not a row. */
export function parseClipboard(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  if (rows.length > 1 && rows.at(-1) === '') rows.pop();
  return rows.map((row) => row.split('\t'));
}

/** Whether a paste holds more than one cell, so that it fills the grid rather than one input. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

/** Sums kept exact to the stored 4 decimals, so a register total compares without float noise. */
export function sameAmount(a: number, b: number): boolean {
  return Math.round(a * 10 ** MAX_DECIMALS) === Math.round(b * 10 ** MAX_DECIMALS);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + Math.round(value * 10 ** MAX_DECIMALS), 0) / 10 ** MAX_DECIMALS;
}

export type RegisterResult = 'missing' | 'invalid' | 'matches' | 'differs';

/** The paper register's total as the clerk typed it, against the grid's total. */
export function registerResult(text: string, gridTotal: number, locale: string): RegisterResult {
  const parsed = parseEntry(text, locale);
  if ('empty' in parsed) return 'missing';
  if ('problem' in parsed) return 'invalid';
  return sameAmount(parsed.value, gridTotal) ? 'matches' : 'differs';
}
