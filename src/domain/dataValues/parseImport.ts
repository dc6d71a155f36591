import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { errors } from '../errors.ts';
import type { RowError, ValueRow } from './rows.ts';
import { valueSchema, valueTextSchema } from './value.ts';

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

function collect(entries: Iterable<{ row: number; result: z.ZodSafeParseResult<Omit<ValueRow, 'row'>> }>): ParsedRows {
  const parsed: ParsedRows = { rows: [], errors: [] };
  for (const { row, result } of entries) {
    if (result.success) parsed.rows.push({ row, ...result.data });
    else parsed.errors.push(...rowErrors(row, result.error));
  }
  return parsed;
}

/** JSON rows, numbered from 1 in the order given. */
export function parseJsonRows(items: readonly unknown[]): ParsedRows {
  return collect(items.map((item, i) => ({ row: i + 1, result: jsonRow.safeParse(item) })));
}

/**
 * CSV text with a header line. Rows are numbered by their line in the file, as a spreadsheet
 * shows them (the header is line 1). Semicolons separate fields when the header has them
 * and no comma, as spreadsheets write CSV in French locales.
 */
export function parseCsvRows(csv: string): ParsedRows {
  const records = readCsv(csv);
  const [header, ...body] = records;
  if (!header) throw errors.validation(`CSV: the file is empty; its first line must be the header ${EXPECTED}`, [{ at: 'header' }]);
  const columns = checkHeader(header.record);
  const parsed = collect(
    body
      .filter((record) => record.record.length === columns.length)
      .map((record) => ({
        row: record.info.lines,
        result: csvRow.safeParse(Object.fromEntries(columns.map((column, i) => [column, record.record[i]]))),
      })),
  );
  const ragged = body
    .filter((record) => record.record.length !== columns.length)
    .map((record) => ({
      row: record.info.lines,
      field: 'row',
      code: 'COLUMN_COUNT',
      message: `has ${record.record.length} fields; the header has ${columns.length}`,
    }));
  return { rows: parsed.rows, errors: [...parsed.errors, ...ragged].sort((a, b) => a.row - b.row) };
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

function readCsv(csv: string): CsvRecord[] {
  const firstLine = csv.split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    const options = { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true };
    return parse(csv, options) as unknown as CsvRecord[];
  } catch (error) {
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
