import { groupBy } from '../../store/bulk.ts';
import type { Db, Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { checkRows, heldBy } from './checkRows.ts';
import { checkPeriodCount } from './limits.ts';
import { parseCsvRows, parseJsonRows, type ParsedRows } from './parseImport.ts';
import { describeValue, valueKey, type CheckedRow, type RowError, type ValueKey } from './rows.ts';
import { applyChanges, contentOf, sameContent, storedValues, type ValueChange } from './valueStore/index.ts';

export interface ImportDataValuesProps {
  readonly programmeId: string;
  /** JSON rows, or CSV text with a header line. */
  readonly source: readonly unknown[] | string;
  /** Report what would change, write nothing. */
  readonly dryRun: boolean;
  /** Write the good rows even when others have errors. */
  readonly partial: boolean;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly partial: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly errors: RowError[];
}

export const IMPORT_REASON = 'bulk import';

/** How an import's write tells how far it got (a job's progress): rows checked, then values written. */
export type ImportProgress = (step: 'checking' | 'writing', done: number, total: number) => unknown;

/** Values written by one statement: the write's progress moves by as many. */
export const WRITE_CHUNK = 5_000;

/**
 * Parses an import's rows, and refuses more distinct periods than the limit (limits.ts), before
 * any row is checked. Too many rows are refused by the parsers, before any work per row.
 */
export function parseSource(source: ImportDataValuesProps['source']): ParsedRows {
  const parsed = typeof source === 'string' ? parseCsvRows(source) : parseJsonRows(source);
  checkPeriodCount(new Set(parsed.rows.map((row) => row.period)));
  return parsed;
}

/**
 * Imports values: every row is checked (see checkRows) and every error reported with its row
 * and field. Too many rows or periods (limits.ts) are refused before any row is checked. All or nothing unless `partial`; a dry run reports the same without writing.
 * A row equal to the stored value is unchanged: re-importing a file writes nothing at all.
 */
export async function importDataValues(tx: Tx, actor: Actor, props: ImportDataValuesProps): Promise<ImportReport> {
  return importParsed(tx, actor, { ...props, parsed: parseSource(props.source) });
}

export interface ParsedImport {
  readonly programmeId: string;
  readonly parsed: ParsedRows;
  readonly dryRun: boolean;
  readonly partial: boolean;
}

/** What checking an import found: its report, the changes to write and the rows they come from. */
export interface ImportPlan {
  readonly report: ImportReport;
  readonly changes: readonly ValueChange[];
  readonly rows: readonly CheckedRow[];
}

/** Parsed rows checked: one per value, the repeats counted, every row error. */
export interface CheckedImport {
  /** Rows in the file (parsed or not). */
  readonly rows: number;
  readonly distinct: readonly CheckedRow[];
  readonly repeated: number;
  readonly rowErrors: RowError[];
  readonly rejected: number;
}

/**
 * Checks parsed rows (see checkRows): an import with rows in error is refused here (400 with
 * every row error) unless `partial` or a dry run. With `hold`, the locks checked stay held for
 * the write in the same transaction.
 */
export async function checkImport(db: Db | Tx, actor: Actor, props: ParsedImport, hold: boolean): Promise<CheckedImport> {
  const { programmeId, parsed, dryRun, partial } = props;
  const { checked, errors: checkErrors } = await checkRows(db, actor, programmeId, parsed.rows, hold);
  const { distinct, repeated, conflicting } = deduplicate(checked);
  const rowErrors = [...parsed.errors, ...checkErrors, ...conflicting].sort((a, b) => a.row - b.row);
  const rejected = new Set(rowErrors.map((error) => error.row)).size;
  const rows = parsed.rows.length + new Set(parsed.errors.map((error) => error.row)).size;
  if (!dryRun && rejected > 0 && !partial) {
    throw errors.validation(`${rejected} of ${rows} rows have errors; nothing was imported (row ${describe(rowErrors[0]!)})`, rowErrors);
  }
  return { rows, distinct, repeated, rowErrors, rejected };
}

/** Checks parsed rows and plans their write: the report of a dry run, or of the import to come. */
export async function planImport(db: Db | Tx, actor: Actor, props: ParsedImport, hold: boolean): Promise<ImportPlan> {
  const { distinct, repeated, rowErrors, rejected, rows } = await checkImport(db, actor, props, hold);
  const changes = await plan(db, props.programmeId, distinct);
  const report: ImportReport = {
    dryRun: props.dryRun,
    partial: props.partial,
    rows,
    created: changes.filter((change) => change.over === 0).length,
    updated: changes.filter((change) => change.over > 0).length,
    unchanged: distinct.length - changes.length + repeated,
    rejected,
    errors: rowErrors,
  };
  return { report, changes, rows: distinct };
}

/**
 * Checks and writes parsed rows in `tx`, or only reports with `dryRun`. The write goes
 * WRITE_CHUNK values a statement, in the one transaction: all of it is stored or nothing
 * (a value changed meanwhile refuses the whole import).
 */
export async function importParsed(tx: Tx, actor: Actor, props: ParsedImport, progress: ImportProgress = () => undefined): Promise<ImportReport> {
  const { programmeId, parsed } = props;
  progress('checking', 0, parsed.rows.length);
  const { report, changes, rows } = await planImport(tx, actor, props, !props.dryRun);
  progress('checking', parsed.rows.length, parsed.rows.length);
  if (props.dryRun) return report;
  const held = new Map(rows.map((row) => [valueKey(row), heldBy(row)]));
  const stale: ValueKey[] = [];
  progress('writing', 0, changes.length);
  for (let from = 0; from < changes.length; from += WRITE_CHUNK) {
    const chunk = changes.slice(from, from + WRITE_CHUNK);
    // The rows' locks are held since checkRows: only a change made meanwhile can refuse a row here.
    const guards = chunk.flatMap((change) => held.get(valueKey(change.key)) ?? []);
    const { notWritten } = await applyChanges(tx, actor, programmeId, chunk, guards, IMPORT_REASON);
    stale.push(...notWritten);
    progress('writing', from + chunk.length, changes.length);
  }
  if (stale.length > 0) {
    const names = stale.slice(0, 5).map(describeValue).join(', ');
    throw errors.conflict(`${stale.length} values were changed by someone else during the import (${names}); nothing was imported, import again`, { stale });
  }
  return report;
}

function describe(error: RowError): string {
  return `${error.row}, ${error.field}: ${error.message}`;
}

/**
 * One row per value. Rows repeating a value with the same number are harmless repeats; rows
 * giving one value different numbers are all refused, as nothing says which is right.
 */
function deduplicate(rows: readonly CheckedRow[]): { distinct: CheckedRow[]; repeated: number; conflicting: RowError[] } {
  const groups = groupBy(rows, valueKey);
  const distinct: CheckedRow[] = [];
  const conflicting: RowError[] = [];
  let repeated = 0;
  for (const group of groups.values()) {
    const first = group[0]!;
    if (group.every((row) => sameContent(row, first))) {
      distinct.push(first);
      repeated += group.length - 1;
      continue;
    }
    const lines = group.map((row) => row.row).join(', ');
    const message = `${describeValue(first)} is given different values on rows ${lines}`;
    conflicting.push(...group.map((row) => ({ row: row.row, field: 'value', code: 'DUPLICATE', message })));
  }
  return { distinct, repeated, conflicting };
}

/** The rows that change something, with the stored values they replace. */
async function plan(db: Db | Tx, programmeId: string, rows: readonly CheckedRow[]): Promise<ValueChange[]> {
  const stored = await storedValues(db, programmeId, rows);
  return rows.flatMap((row) => {
    const previous = stored.get(valueKey(row));
    if (previous && sameContent(previous, row)) return [];
    return [{ key: { orgUnit: row.orgUnit, period: row.period, activity: row.activity, state: row.state }, ...contentOf(row), over: previous?.version ?? 0 }];
  });
}
