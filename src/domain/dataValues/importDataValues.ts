import { groupBy } from '../../store/bulk.ts';
import type { Tx } from '../../store/database.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { checkRows, heldBy } from './checkRows.ts';
import { checkPeriodCount } from './limits.ts';
import { parseCsvRows, parseJsonRows } from './parseImport.ts';
import { describeValue, valueKey, type CheckedRow, type RowError } from './rows.ts';
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

/**
 * Imports values: every row is checked (see checkRows) and every error reported with its row
 * and field. Too many rows or periods (limits.ts) are refused before any row is checked. All or nothing unless `partial`; a dry run reports the same without writing.
 * A row equal to the stored value is unchanged: re-importing a file writes nothing at all.
 */
export async function importDataValues(tx: Tx, actor: Actor, props: ImportDataValuesProps): Promise<ImportReport> {
  const { programmeId, dryRun, partial } = props;
  const parsed = typeof props.source === 'string' ? parseCsvRows(props.source) : parseJsonRows(props.source);
  checkPeriodCount(new Set(parsed.rows.map((row) => row.period)));
  const { checked, errors: checkErrors } = await checkRows(tx, actor, programmeId, parsed.rows, !dryRun);
  const { distinct, repeated, conflicting } = deduplicate(checked);
  const rowErrors = [...parsed.errors, ...checkErrors, ...conflicting].sort((a, b) => a.row - b.row);
  const changes = await plan(tx, programmeId, distinct);
  const rejected = new Set(rowErrors.map((error) => error.row)).size;
  const report: ImportReport = {
    dryRun,
    partial,
    rows: parsed.rows.length + new Set(parsed.errors.map((error) => error.row)).size,
    created: changes.filter((change) => change.over === 0).length,
    updated: changes.filter((change) => change.over > 0).length,
    unchanged: distinct.length - changes.length + repeated,
    rejected,
    errors: rowErrors,
  };
  if (dryRun) return report;
  if (rejected > 0 && !partial) {
    throw errors.validation(`${rejected} of ${report.rows} rows have errors; nothing was imported (row ${describe(rowErrors[0]!)})`, rowErrors);
  }
  // The rows' locks are held since checkRows: only a change made meanwhile can refuse a row here.
  const { notWritten: stale } = await applyChanges(tx, actor, programmeId, changes, distinct.flatMap(heldBy), IMPORT_REASON);
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
async function plan(tx: Tx, programmeId: string, rows: readonly CheckedRow[]): Promise<ValueChange[]> {
  const stored = await storedValues(tx, programmeId, rows);
  return rows.flatMap((row) => {
    const previous = stored.get(valueKey(row));
    if (previous && sameContent(previous, row)) return [];
    return [{ key: { orgUnit: row.orgUnit, period: row.period, activity: row.activity, state: row.state }, ...contentOf(row), over: previous?.version ?? 0 }];
  });
}
