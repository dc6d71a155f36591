import type { CheckedFormula } from '../check/checkProgram.ts';
import { isFormulaSource, type NameSource } from '../check/scope.ts';
import type { CompiledStep } from '../compile/compileProgram.ts';
import { TableRowIds } from '../solve/decisionTables.ts';
import { evaluateFormula, type NameValue } from '../formula/evaluate.ts';
import { formatNumber, printFormula } from '../formula/print.ts';
import { monthsOf } from '../model/period.ts';
import { readAddress, type RunResult, type ValueAddress } from '../solve/result.ts';

export type ValueSource =
  | 'input'
  | 'isNull'
  | 'constant'
  | 'table'
  | 'attribute'
  | 'activityFormula'
  | 'formula'
  | 'zoneFormula'
  | 'paymentFormula'
  | 'packageValue';

/** The decision-table row that gave a value. */
export interface TableRowUsed {
  readonly table: number;
  readonly row: number;
  readonly from?: string;
  readonly to?: string;
  readonly cells: Readonly<Record<string, string | number>>;
}

/** Why a value is what it is: its source, formula, the values it read, recursively. */
export interface Explanation {
  readonly orgUnit: string;
  readonly period: string;
  readonly name: string;
  readonly value: number;
  readonly source: ValueSource;
  /** Where the source is defined: a formula, an input, a table output, an attribute. */
  readonly location: string;
  readonly formula?: {
    readonly location: string;
    readonly text: string;
    /** The formula with each value it read in place of the name. */
    readonly substituted: string;
    /** The formula evaluated again from the values it read; equals `value`. */
    readonly recomputed: number;
  };
  readonly table?: TableRowUsed;
  /** For inputs: the entries behind the value (one, or the months summed for a quarter). */
  readonly entries?: readonly { readonly period: string; readonly value: number }[];
  readonly reads: readonly Explanation[];
  /** Set when this value was already explained higher in the tree. */
  readonly repeated?: boolean;
}

export interface ExplainedValue extends Explanation {
  readonly program: { readonly code: string; readonly version?: string };
}

const LIST_PREVIEW = 8;

/** Explains one value of a run, down to `depth` levels of reads (unlimited by default). */
export function explain(
  result: RunResult,
  orgUnit: string,
  period: string,
  name: string,
  depth = Number.POSITIVE_INFINITY,
): ExplainedValue | undefined {
  const address = result.locate(orgUnit, period, name);
  if (!address) return undefined;
  const version = result.programVersion;
  const program = { code: result.programCode, ...(version !== undefined ? { version } : {}) };
  return { ...new Explainer(result).node(address, depth, new Set()), program };
}

class Explainer {
  constructor(private readonly result: RunResult) {}

  node(address: ValueAddress, depth: number, seen: Set<string>): Explanation {
    const key = addressKey(address);
    const source = this.sourceOf(address);
    const header = { ...this.header(address), location: locationOf(address, source) };
    if (seen.has(key)) return { ...header, source: source.kind, reads: [], repeated: true };
    seen.add(key);
    const formula = this.formulaOf(address, source);
    if (formula) return this.formulaNode(address, header, source.kind, formula, depth, seen);
    if (source.kind === 'packageValue') {
      const reads = depth > 0 ? this.packageValueReads(address).map((read) => this.node(read, depth - 1, seen)) : [];
      return { ...header, source: source.kind, reads };
    }
    if (source.kind === 'table') return { ...header, source: source.kind, reads: [], ...this.tableRow(address) };
    if (source.kind === 'input' || source.kind === 'isNull') {
      return { ...header, source: source.kind, reads: [], entries: this.entries(address, source) };
    }
    return { ...header, source: source.kind, reads: [] };
  }

  private formulaNode(
    address: ValueAddress,
    header: Pick<Explanation, 'orgUnit' | 'period' | 'name' | 'value' | 'location'>,
    source: ValueSource,
    formula: CheckedFormula,
    depth: number,
    seen: Set<string>,
  ): Explanation {
    const readAddresses: ValueAddress[] = [];
    const readValues = new Map<string, NameValue>();
    const read = (name: string): NameValue => {
      const targets = this.resolve(address, formula, name);
      readAddresses.push(...targets.addresses);
      const value = targets.list ? targets.addresses.map(readAddress) : readAddress(targets.addresses[0]!);
      readValues.set(name, value);
      return value;
    };
    const recomputed = evaluateFormula(formula.expr, read);
    const substituted = printFormula(formula.expr, (name) => {
      const value = readValues.get(name);
      if (value === undefined) return name;
      if (typeof value === 'number') return formatNumber(value);
      const shown = value.slice(0, LIST_PREVIEW).map(formatNumber);
      if (value.length > LIST_PREVIEW) shown.push(`… ${value.length - LIST_PREVIEW}`);
      return `[${shown.join(', ')}]`;
    });
    const reads =
      depth > 0 ? uniqueAddresses(readAddresses).map((target) => this.node(target, depth - 1, seen)) : [];
    return {
      ...header,
      source,
      formula: { location: formula.location, text: formula.source, substituted, recomputed },
      reads,
    };
  }

  private header(address: ValueAddress) {
    return {
      orgUnit: this.result.tree.id(unitOf(address)),
      period: address.run.period.id,
      name: fullName(address),
      value: readAddress(address),
    };
  }

  private sourceOf(address: ValueAddress): NameSource {
    if (address.kind === 'attribute') return { kind: 'attribute', location: `orgUnits.attributes.${address.name}` };
    if (address.kind === 'payment') return address.run.compiled.checked.scope.resolve(address.name)!.source;
    return address.run.compiled.checked.scope.names.get(address.name)!;
  }

  private formulaOf(address: ValueAddress, source: NameSource): CheckedFormula | undefined {
    if (!isFormulaSource(source.kind)) return undefined;
    const steps: readonly CompiledStep[] = address.run.compiled.steps;
    return steps.find((step) => step.formula.location === source.location)?.formula;
  }

  /** The addresses a name reads from a formula at `from`: one, or a list. */
  private resolve(from: ValueAddress, formula: CheckedFormula, name: string): { addresses: ValueAddress[]; list: boolean } {
    const one = (address: ValueAddress) => ({ addresses: [address], list: false });
    if (from.kind === 'attribute') return { addresses: [], list: false };
    if (from.kind === 'payment') {
      const source = from.run.compiled.checked.scope.resolve(name)!.source;
      if (source.kind === 'attribute') return one({ kind: 'attribute', run: from.run, unit: unitOf(from), name });
      return one({ ...from, name });
    }
    const run = from.run;
    const resolution = run.compiled.checked.scope.resolve(formula.scope, name)!;
    if (resolution.source.kind === 'attribute') return one({ kind: 'attribute', run, unit: unitOf(from), name });
    if (resolution.list === 'activity' && from.kind === 'package') {
      const addresses = run.compiled.checked.pkg.activities.map(
        (_, activity): ValueAddress => ({ kind: 'activity', run, row: from.row, activity, name }),
      );
      return { addresses, list: true };
    }
    if (resolution.list === 'target' && from.kind === 'zone') {
      const addresses: ValueAddress[] = [];
      for (let row = run.placement.zoneRows[from.zone]!; row < run.placement.zoneRows[from.zone + 1]!; row++) {
        addresses.push({ kind: 'package', run, row, name });
      }
      return { addresses, list: true };
    }
    const { activitySlots, inputs, constants } = run.compiled.layout;
    const activityLevel = activitySlots.has(name) || inputs.has(name) || constants.has(name);
    if (from.kind === 'activity' && activityLevel) return one({ ...from, name });
    if (run.compiled.layout.zoneSlots.has(name)) {
      const zone = from.kind === 'zone' ? from.zone : run.zoneOfRow[from.row]!;
      return one({ kind: 'zone', run, zone, name });
    }
    return one({ kind: 'package', run, row: from.kind === 'zone' ? -1 : from.row, name });
  }

  private packageValueReads(address: ValueAddress): ValueAddress[] {
    if (address.kind !== 'payment') return [];
    const resolution = address.run.compiled.checked.scope.resolve(address.name)!;
    const { packageCode, formulaName } = resolution.source;
    const unit = address.run.units[address.row]!;
    return (address.run.sources.get(packageCode!) ?? []).map((run) => ({
      kind: 'package' as const,
      run,
      row: run.rowOf[unit]!,
      name: formulaName!,
    }));
  }

  private tableRow(address: ValueAddress): { table?: TableRowUsed } {
    if (address.kind !== 'activity' && address.kind !== 'package') return {};
    const { run } = address;
    const ids = run.tableRows.get(address.name);
    const output = run.compiled.layout.tableOutputs.find((candidate) => candidate.name === address.name);
    if (!ids || !output) return {};
    const id = ids.id(address.row, output.perActivity && address.kind === 'activity' ? address.activity : 0);
    if (id < 0) return {};
    const tables = this.result.compiled.checked.program.decisionTables;
    const { table, row } = new TableRowIds(tables).decode(id);
    const decisionTable = tables[table]!;
    return {
      table: {
        table,
        row,
        ...(decisionTable.from !== undefined ? { from: decisionTable.from } : {}),
        ...(decisionTable.to !== undefined ? { to: decisionTable.to } : {}),
        cells: decisionTable.rows[row]!,
      },
    };
  }

  private entries(address: ValueAddress, source: NameSource): { period: string; value: number }[] {
    if (address.kind !== 'activity') return [];
    const state = source.location.slice(source.location.lastIndexOf('.') + 1);
    const run = address.run;
    const activity = run.compiled.checked.pkg.activities[address.activity]!.code;
    const unit = run.placement.units[address.row]!;
    const periods = [run.period.id, ...(run.period.type === 'quarter' ? monthsOf(run.period).map((m) => m.id) : [])];
    const found: { period: string; value: number }[] = [];
    for (const period of periods) {
      const value = this.result.data.column(period, state, activity)?.[unit];
      if (value !== undefined && value === value) found.push({ period, value });
      if (period === run.period.id && found.length > 0) break;
    }
    return found;
  }
}

/** Where the value's source is defined; a constant is defined by its own activity. */
function locationOf(address: ValueAddress, source: NameSource): string {
  if (source.kind !== 'constant' || address.kind !== 'activity') return source.location;
  const { pkg } = address.run.compiled.checked;
  return `${pkg.code}.activities.${pkg.activities[address.activity]!.code}.constants.${address.name}`;
}

function unitOf(address: ValueAddress): number {
  switch (address.kind) {
    case 'attribute':
      return address.unit;
    case 'zone':
      return address.run.placement.zones[address.zone]!;
    case 'payment':
      return address.run.units[address.row]!;
    default:
      return address.run.placement.units[address.row]!;
  }
}

function fullName(address: ValueAddress): string {
  if (address.kind === 'attribute') return address.name;
  if (address.kind === 'payment') return `${address.run.compiled.checked.payment.code}.${address.name}`;
  const code = address.run.compiled.checked.pkg.code;
  if (address.kind === 'activity') {
    return `${code}.${address.run.compiled.checked.pkg.activities[address.activity]!.code}.${address.name}`;
  }
  return `${code}.${address.name}`;
}

function addressKey(address: ValueAddress): string {
  const place = address.kind === 'zone' ? `z${address.zone}` : address.kind === 'attribute' ? `u${address.unit}` : `r${address.row}`;
  const activity = address.kind === 'activity' ? `.${address.activity}` : '';
  return `${fullName(address)}@${address.run.period.id}:${place}${activity}`;
}

function uniqueAddresses(addresses: readonly ValueAddress[]): ValueAddress[] {
  const seen = new Set<string>();
  return addresses.filter((address) => {
    const key = addressKey(address);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
