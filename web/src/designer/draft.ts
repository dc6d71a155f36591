import { editingText, parseNumber } from '../../../src/contract/numbers.ts';
import { isIdentifier } from './codes.ts';
import { replaceAt, unusedName, withEntry, withKeyRenamed, withText } from './edits/records.ts';

/**
 * The programme being edited in the designer, as plain JSON shaped like a programme file,
 * and the edits the screen makes to it. Every edit returns a new draft and leaves the old
 * one untouched (React compares by reference). A draft may be invalid while the designer
 * types — a constant reading "abc", a row without its output — and the engine's checks say
 * where; nothing here refuses an edit except one that would lose data (two formulas with
 * one name). The edits of packages, inputs, activities, payments and table columns are in
 * `edits/`.
 */
export type Cell = string | number;
export type Formulas = Record<string, string>;
export type GroupFilter = Record<string, string[]>;

export interface DraftActivity {
  code: string;
  name?: string;
  constants?: Record<string, Cell>;
}

export interface DraftPackage {
  code: string;
  name?: string;
  description?: string;
  frequency: string;
  kind?: string;
  appliesTo?: GroupFilter;
  targets?: GroupFilter;
  inputs: string[];
  inputTypes?: Record<string, string>;
  activities: DraftActivity[];
  activityFormulas?: Formulas;
  formulas?: Formulas;
  zoneFormulas?: Formulas;
}

export interface DraftTable {
  package: string;
  name?: string;
  inputs: string[];
  outputs: string[];
  from?: string;
  to?: string;
  rows: Record<string, Cell>[];
}

export interface DraftPayment {
  code: string;
  name?: string;
  frequency: string;
  appliesTo?: GroupFilter;
  packages: string[];
  formulas: Formulas;
  /** The formula whose value is paid (versions saved before it was asked have none). */
  amount?: string;
}

export interface Draft {
  code: string;
  name?: string;
  description?: string;
  currency: string;
  packages: DraftPackage[];
  decisionTables: DraftTable[];
  payments: DraftPayment[];
}

export type FormulaGroup = 'activityFormulas' | 'formulas' | 'zoneFormulas';

/** Which formula: of a package (three groups) or of a payment (`formulas` only). */
export interface FormulaRef {
  readonly owner: 'packages' | 'payments';
  readonly index: number;
  readonly group: FormulaGroup;
  readonly name: string;
}

/** Path of a formula in the draft, as the engine's schema errors write it. */
export function formulaPath(ref: Omit<FormulaRef, 'name'> & { name?: string }): string {
  const group = `${ref.owner}[${ref.index}].${ref.group}`;
  return ref.name === undefined ? group : `${group}.${ref.name}`;
}

/** A stored definition as a draft: a deep copy, without the `version` label the store sets. */
export function toDraft(definition: unknown): Draft {
  const copy = structuredClone(definition) as Draft & { version?: unknown };
  delete copy.version;
  copy.packages ??= [];
  copy.decisionTables ??= [];
  copy.payments ??= [];
  return copy;
}

/**
 * A typed cell as a number when it reads as one in the designer's language (the screens'
 * one parser, src/contract/numbers.ts), as text otherwise (the checks then say a number is
 * expected), and `undefined` when empty.
 */
export function parseCell(text: string, locale: string): Cell | undefined {
  const parsed = parseNumber(text, locale);
  if (parsed.kind === 'empty') return undefined;
  return parsed.kind === 'number' ? parsed.value : text.trim();
}

function formulasOf(draft: Draft, ref: Omit<FormulaRef, 'name'>): Formulas {
  if (ref.owner === 'payments') return draft.payments[ref.index]?.formulas ?? {};
  return draft.packages[ref.index]?.[ref.group] ?? {};
}

function withFormulas(draft: Draft, ref: Omit<FormulaRef, 'name'>, formulas: Formulas): Draft {
  if (ref.owner === 'payments') {
    return { ...draft, payments: replaceAt(draft.payments, ref.index, (payment) => ({ ...payment, formulas })) };
  }
  return { ...draft, packages: replaceAt(draft.packages, ref.index, (pkg) => ({ ...pkg, [ref.group]: formulas })) };
}

export function setFormula(draft: Draft, ref: FormulaRef, text: string): Draft {
  return withFormulas(draft, ref, withEntry(formulasOf(draft, ref), ref.name, text));
}

export function removeFormula(draft: Draft, ref: FormulaRef): Draft {
  return withFormulas(draft, ref, withEntry<string>(formulasOf(draft, ref), ref.name, undefined));
}

export type RenameProblem = 'empty' | 'notIdentifier' | 'taken';

/** Why a formula cannot take this name, if it cannot: each name of a group is one key. */
export function renameProblem(draft: Draft, ref: FormulaRef, next: string): RenameProblem | undefined {
  if (next === '') return 'empty';
  if (!isIdentifier(next)) return 'notIdentifier';
  if (next !== ref.name && next in formulasOf(draft, ref)) return 'taken';
  return undefined;
}

/**
 * Renames a formula in place (same position in its group); refuses a name already there. A
 * payment's amount follows its formula.
 */
export function renameFormula(draft: Draft, ref: FormulaRef, next: string): Draft {
  if (next === ref.name) return draft;
  const formulas = formulasOf(draft, ref);
  if (next in formulas) throw new Error(`'${next}' is already a formula of this group`);
  const renamed = withFormulas(draft, ref, withKeyRenamed(formulas, ref.name, next));
  if (ref.owner !== 'payments' || renamed.payments[ref.index]?.amount !== ref.name) return renamed;
  return { ...renamed, payments: replaceAt(renamed.payments, ref.index, (payment) => ({ ...payment, amount: next })) };
}

/** Adds an empty formula named `new_formula`, `new_formula_2`…; returns the draft and the name. */
export function addFormula(draft: Draft, ref: Omit<FormulaRef, 'name'>): { draft: Draft; name: string } {
  const formulas = formulasOf(draft, ref);
  const name = unusedName('new_formula', Object.keys(formulas));
  return { draft: withFormulas(draft, ref, { ...formulas, [name]: '' }), name };
}

/** Constant names of a package's activities, in the order they first appear. */
export function constantNames(pkg: DraftPackage): string[] {
  const names = new Set<string>();
  for (const activity of pkg.activities) for (const name of Object.keys(activity.constants ?? {})) names.add(name);
  return [...names];
}

/** Sets one activity's constant from typed text; an empty cell removes it from that activity. */
export function setConstant(draft: Draft, pkgIndex: number, activityIndex: number, name: string, text: string, locale: string): Draft {
  return {
    ...draft,
    packages: replaceAt(draft.packages, pkgIndex, (pkg) => ({
      ...pkg,
      activities: replaceAt(pkg.activities, activityIndex, (activity) => ({
        ...activity,
        constants: withEntry(activity.constants, name, parseCell(text, locale)),
      })),
    })),
  };
}

/** A new constant for every activity of the package, 0 until edited. */
export function addConstant(draft: Draft, pkgIndex: number, name: string): Draft {
  return {
    ...draft,
    packages: replaceAt(draft.packages, pkgIndex, (pkg) => ({
      ...pkg,
      activities: pkg.activities.map((activity) => ({ ...activity, constants: { ...activity.constants, [name]: activity.constants?.[name] ?? 0 } })),
    })),
  };
}

export function removeConstant(draft: Draft, pkgIndex: number, name: string): Draft {
  return {
    ...draft,
    packages: replaceAt(draft.packages, pkgIndex, (pkg) => ({
      ...pkg,
      activities: pkg.activities.map((activity) =>
        activity.constants && name in activity.constants ? { ...activity, constants: withEntry(activity.constants, name, undefined) } : activity,
      ),
    })),
  };
}

export function withTable(draft: Draft, tableIndex: number, update: (table: DraftTable) => DraftTable): Draft {
  return { ...draft, decisionTables: replaceAt(draft.decisionTables, tableIndex, update) };
}

/**
 * Sets a cell from typed text. An empty cell is removed (an absent input matches anything,
 * like `*`; an absent output is an error the check reports). Input cells stay text; output
 * cells are numbers when they read as one.
 */
export function setTableCell(draft: Draft, tableIndex: number, rowIndex: number, column: string, text: string, locale: string): Draft {
  return withTable(draft, tableIndex, (table) => {
    const isOutput = table.outputs.includes(column);
    const value = isOutput ? parseCell(text, locale) : text.trim() === '' ? undefined : text.trim();
    return { ...table, rows: replaceAt(table.rows, rowIndex, (row) => withEntry(row, column, value)) };
  });
}

/** Appends a row, or inserts it after `after`; input cells start as `*`. */
export function addTableRow(draft: Draft, tableIndex: number, after?: number): Draft {
  return withTable(draft, tableIndex, (table) => {
    const row: Record<string, Cell> = Object.fromEntries(table.inputs.map((input) => [input, '*']));
    const rows = [...table.rows];
    rows.splice(after === undefined ? rows.length : after + 1, 0, row);
    return { ...table, rows };
  });
}

export function removeTableRow(draft: Draft, tableIndex: number, rowIndex: number): Draft {
  return withTable(draft, tableIndex, (table) => ({ ...table, rows: table.rows.filter((_, i) => i !== rowIndex) }));
}

/** Sets the first or last period of a table's validity; empty means open-ended. */
export function setTablePeriod(draft: Draft, tableIndex: number, bound: 'from' | 'to', text: string): Draft {
  return withTable(draft, tableIndex, (table) => withText(table, bound, text.trim()));
}

export function setTableName(draft: Draft, tableIndex: number, text: string): Draft {
  return withTable(draft, tableIndex, (table) => withText(table, 'name', text));
}

export interface NewTable {
  readonly package: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

export function addTable(draft: Draft, table: NewTable): Draft {
  const added: DraftTable = {
    package: table.package,
    ...(table.name ? { name: table.name } : {}),
    inputs: [...table.inputs],
    outputs: [...table.outputs],
    rows: [],
  };
  return { ...draft, decisionTables: [...draft.decisionTables, added] };
}

export function removeTable(draft: Draft, tableIndex: number): Draft {
  return { ...draft, decisionTables: draft.decisionTables.filter((_, i) => i !== tableIndex) };
}

/** `a, b ,c` → ['a', 'b', 'c'] for the column lists of a new table. */
export function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A cell as typed text: numbers in the designer's writing for editing, nothing for an absent cell. */
export function cellText(value: Cell | undefined, locale: string): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? editingText(value, locale) : value;
}
