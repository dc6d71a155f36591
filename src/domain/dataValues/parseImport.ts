import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AppError, errors } from '../errors.ts';
import { checkRowCount } from './limits.ts';
import type { RowError, ValueRow } from './rows.ts';
import { valueSchema } from '../../contract/api/common.ts';
import { valueTextSchema } from './value.ts';

export interface ParsedRows {
  readonly rows: ValueRow[];
  readonly errors: RowError[];
}

const REQUIRED = ['orgUnit', 'period', 'activity', 'state', 'value'] as const;
const COLUMNS: readonly string[] = [...REQUIRED, 'package'];
const EXPECTED = `${REQUIRED.join(',')} and optionally package`;

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a text') })
  .trim()
  .min(1, 'must not be empty');
const period = text.regex(/^\d{4}(?:0[1-9]|1[0-2]|Q[1-4])$/, {
  error: (issue) => `'${String(issue.input)}' is not a month (202401) or a quarter (2024Q1)`,
});
const fields = { orgUnit: text, period, activity: text, state: text };

/** A JSON row: the value a number, unknown fields refused (a misspelt field must not be ignored). */
const jsonRow = z.strictObject(
  { ...fields, value: valueSchema, package: text.optional() },
  { error: (issue) => (issue.code === 'invalid_type' ? `must be an object with fields ${EXPECTED}` : undefined) },
);

/** A CSV row: the value as written in the cell, an empty package cell as no package. */
const csvRow = z.object({
  ...fields,
  value: valueTextSchema,
  package: z.string().trim().optional().transform((cell) => cell || undefined),
});

const FIELD_CODES: Record<string, string> = { value: 'BAD_NUMBER', period: 'BAD_PERIOD', row: 'INVALID_ROW' };

function rowErrors(row: number, error: z.ZodError): RowError[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { row, field: issue.keys.join(', '), code: 'UNKNOWN_FIELD', message: `unknown field; the fields are ${EXPECTED}` };
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'row';
    return { row, field, code: FIELD_CODES[field] ?? 'INVALID_FIELD', message: issue.message };
  });
}

/** Adds a row's parse to the rows or the errors. */
function accept(parsed: ParsedRows, row: number, result: z.ZodSafeParseResult<Omit<ValueRow, 'row'>>): void {
  if (result.success) parsed.rows.push({ row, ...result.data });
  else parsed.errors.push(...rowErrors(row, result.error));
}

/** JSON rows, numbered from 1 in the order given. */
export function parseJsonRows(items: readonly unknown[]): ParsedRows {
  checkRowCount(items.length, 'JSON array items');
  const parsed: ParsedRows = { rows: [], errors: [] };
  items.forEach((item, i) => accept(parsed, i + 1, jsonRow.safeParse(item)));
  return parsed;
}

/**
 * CSV text with a header line. Rows are numbered by their line in the file, as a spreadsheet
 * shows them (the header is line 1). Semicolons separate fields when the header has them
 * and no comma, as spreadsheets write CSV in French locales. Lines are counted first, and
 * each record is made a row as it is read: the parser's records, kept, took 550 bytes a line,
 * more than the rows made of them (220).
 */
export function parseCsvRows(csv: string): ParsedRows {
  checkRowCount(Math.max(0, nonBlankLines(csv) - 1), 'CSV lines after the header');
  const parsed: ParsedRows = { rows: [], errors: [] };
  let columns: string[] | undefined;
  readCsv(csv, (record, row) => {
    if (!columns) columns = checkHeader(record);
    else if (record.length !== columns.length) {
      parsed.errors.push({ row, field: 'row', code: 'COLUMN_COUNT', message: `has ${record.length} fields; the header has ${columns.length}` });
    } else {
      const fields = columns.map((column, i) => [column, record[i]]);
      accept(parsed, row, csvRow.safeParse(Object.fromEntries(fields)));
    }
  });
  if (!columns) throw errors.validation(`CSV: the file is empty; its first line must be the header ${EXPECTED}`, [{ at: 'header' }]);
  return parsed;
}

/**
 * The lines holding something, as the parser reads records when no cell spans lines: one
 * pass over the text, no string made.
 */
export function nonBlankLines(text: string): number {
  let lines = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      if (!blank) lines++;
      blank = true;
    } else if (blank && c !== SPACE && c !== TAB && c !== RETURN) {
      blank = false;
    }
  }
  return blank ? lines : lines + 1;
}

const [NEWLINE, SPACE, TAB, RETURN] = [10, 32, 9, 13];

/** Reads CSV records, handing each with its line to `onRecord` as it comes: none are kept. */
function readCsv(csv: string, onRecord: (record: string[], line: number) => void): void {
  const firstLine = csv.split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const on_record = (record: string[], context: { lines: number }) => {
    onRecord(record, context.lines);
    return null;
  };
  try {
    parse(csv, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, on_record });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw errors.validation(`CSV: ${(error as Error).message}`, [{ at: 'body', message: (error as Error).message }]);
  }
}

function checkHeader(header: readonly string[]): string[] {
  const unknown = header.filter((column) => !COLUMNS.includes(column));
  const missing = REQUIRED.filter((column) => !header.includes(column));
  const repeated = header.filter((column, i) => header.indexOf(column) !== i);
  const problems = [
    ...unknown.map((column) => `unknown column '${column}'`),
    ...missing.map((column) => `missing column '${column}'`),
    ...repeated.map((column) => `column '${column}' appears twice`),
  ];
  if (problems.length > 0) {
    throw errors.validation(`CSV header (line 1): ${problems.join('; ')}; the columns are ${EXPECTED}`, problems.map((message) => ({ at: 'header', message })));
  }
  return [...header];
}
