import type { CheckedPackage, CheckedPayment } from '../check/checkProgram.ts';
import { IS_NULL_SUFFIX, isActivityLevel } from '../check/scope.ts';
import type { Program } from '../model/programSchema.ts';

/** An input name read straight from the entered values: the state, or its missing-value flag. */
export interface InputName {
  readonly input: number;
  readonly isNull: boolean;
}

export interface TableOutputSlot {
  readonly name: string;
  readonly slot: number;
  readonly perActivity: boolean;
  /** Indices into program.decisionTables, in the order they are consulted. */
  readonly tables: readonly number[];
}

/**
 * Where each of a package's names lives in the value arrays of a run. Inputs have no slot:
 * formulas read them from the entered values, which saves copying most of a run's data.
 */
export interface PackageLayout {
  readonly activitySlots: ReadonlyMap<string, number>;
  readonly packageSlots: ReadonlyMap<string, number>;
  readonly zoneSlots: ReadonlyMap<string, number>;
  /** Input and `_is_null` names, by the index of their state in the package's inputs. */
  readonly inputs: ReadonlyMap<string, InputName>;
  /** Activity constants by name, and their values: activity * constants.size + index, NaN where lacking. */
  readonly constants: ReadonlyMap<string, number>;
  readonly constantValues: Float64Array;
  readonly tableOutputs: readonly TableOutputSlot[];
}

export function layoutPackage(program: Program, checked: CheckedPackage): PackageLayout {
  const activitySlots = new Map<string, number>();
  const packageSlots = new Map<string, number>();
  const zoneSlots = new Map<string, number>();
  const constants = new Map<string, number>();
  const tableOutputs: TableOutputSlot[] = [];
  for (const [name, source] of checked.scope.names) {
    if (source.kind === 'constant') constants.set(name, constants.size);
    if (source.kind === 'attribute' || source.kind === 'input' || source.kind === 'isNull' || source.kind === 'constant') continue;
    const slots = source.kind === 'zoneFormula' ? zoneSlots : isActivityLevel(source) ? activitySlots : packageSlots;
    const slot = slots.size;
    slots.set(name, slot);
    if (source.kind === 'table') {
      const tables = program.decisionTables.flatMap((table, i) =>
        table.package === checked.pkg.code && table.outputs.includes(name) ? [i] : [],
      );
      tableOutputs.push({ name, slot, perActivity: source.perActivity === true, tables });
    }
  }
  const inputs = new Map<string, InputName>();
  checked.pkg.inputs.forEach((state, input) => {
    inputs.set(state, { input, isNull: false });
    inputs.set(state + IS_NULL_SUFFIX, { input, isNull: true });
  });
  const constantValues = new Float64Array(checked.pkg.activities.length * constants.size);
  checked.pkg.activities.forEach((activity, a) => {
    for (const [name, index] of constants) constantValues[a * constants.size + index] = activity.constants?.[name] ?? Number.NaN;
  });
  return { activitySlots, packageSlots, zoneSlots, inputs, constants, constantValues, tableOutputs };
}

/** A value a payment reads from one of its packages, copied into the payment's row. */
export interface PaymentSource {
  readonly name: string;
  readonly slot: number;
  readonly packageCode: string;
  readonly formulaName: string;
}

export interface PaymentLayout {
  readonly slots: ReadonlyMap<string, number>;
  readonly sources: readonly PaymentSource[];
}

export function layoutPayment(checked: CheckedPayment): PaymentLayout {
  const slots = new Map<string, number>();
  const sources: PaymentSource[] = [];
  for (const name of checked.scope.visibleNames()) {
    const resolution = checked.scope.resolve(name);
    if (!resolution || resolution.source.kind === 'attribute') continue;
    const slot = slots.size;
    slots.set(name, slot);
    const { packageCode, formulaName } = resolution.source;
    if (packageCode !== undefined && formulaName !== undefined) sources.push({ name, slot, packageCode, formulaName });
  }
  return { slots, sources };
}
