import { withTable, type Draft, type DraftTable } from '../draft.ts';
import { codeProblem, type CodeProblem } from '../codes.ts';
import { withEntry } from './records.ts';

/**
 * The columns of a decision table and the package it gives values to. Input columns are
 * facts (activity, orgUnit, a groupset, level_N) matched against each row; output columns
 * are the names the package's formulas read.
 */
export type Side = 'inputs' | 'outputs';

/** Why a column cannot be added: outputs are formula names; no column twice in one table. */
export function columnProblem(table: DraftTable, side: Side, name: string): CodeProblem | undefined {
  return codeProblem(side === 'inputs' ? 'tableInput' : 'name', name, [...table.inputs, ...table.outputs]);
}

/**
 * Appends a column. Existing rows match anything in a new input column (`*`) and lack a
 * value in a new output column, which the check reports row by row until filled.
 */
export function addTableColumn(draft: Draft, tableIndex: number, side: Side, name: string): Draft {
  return withTable(draft, tableIndex, (table) => ({
    ...table,
    [side]: [...table[side], name],
    rows: side === 'inputs' ? table.rows.map((row) => ({ ...row, [name]: '*' })) : table.rows,
  }));
}

/** Removes a column and its cell in every row; formulas reading a removed output are left for the check. */
export function removeTableColumn(draft: Draft, tableIndex: number, name: string): Draft {
  return withTable(draft, tableIndex, (table) => ({
    ...table,
    inputs: table.inputs.filter((column) => column !== name),
    outputs: table.outputs.filter((column) => column !== name),
    rows: table.rows.map((row) => (name in row ? withEntry(row, name, undefined) : row)),
  }));
}

export function setTablePackage(draft: Draft, tableIndex: number, code: string): Draft {
  return withTable(draft, tableIndex, (table) => ({ ...table, package: code }));
}
