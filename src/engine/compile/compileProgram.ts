import type { CheckedFormula, CheckedPackage, CheckedPayment, CheckedProgram } from '../check/checkProgram.ts';
import type { NameSource, Resolution } from '../check/scope.ts';
import { compileFormula, type Fn, type NameBinding } from './compileFormula.ts';
import { FAULT, fail, type Fault } from './cursor.ts';
import { layoutPackage, layoutPayment, type PackageLayout, type PaymentLayout } from './layout.ts';

/** One formula ready to evaluate: where it reads (its scope) and where its value goes. */
export interface CompiledStep {
  readonly formula: CheckedFormula;
  readonly slot: number;
  readonly fn: Fn;
}

export interface CompiledPackage {
  readonly checked: CheckedPackage;
  readonly layout: PackageLayout;
  readonly steps: readonly CompiledStep[];
}

export interface CompiledPayment {
  readonly checked: CheckedPayment;
  readonly layout: PaymentLayout;
  readonly steps: readonly CompiledStep[];
}

/** A checked programme compiled once; runs reuse it for any org units, data and periods. */
export interface CompiledProgram {
  readonly checked: CheckedProgram;
  readonly packages: readonly CompiledPackage[];
  readonly payments: readonly CompiledPayment[];
}

export function compileProgram(checked: CheckedProgram): CompiledProgram {
  const attributeSlot = new Map(checked.attributeNames.map((name, i) => [name, i]));
  return {
    checked,
    packages: checked.packages.map((pkg) => compilePackage(checked, pkg, attributeSlot)),
    payments: checked.payments.map((payment) => compilePayment(payment, attributeSlot)),
  };
}

function compilePackage(
  program: CheckedProgram,
  checked: CheckedPackage,
  attributeSlot: ReadonlyMap<string, number>,
): CompiledPackage {
  const layout = layoutPackage(program.program, checked);
  const steps = checked.order.map((formula) => {
    const bind = (name: string): NameBinding => {
      const resolution = checked.scope.resolve(formula.scope, name);
      if (!resolution) throw new Error(`name '${name}' of ${formula.location} passed the checks unresolved`);
      return bindPackageName(name, resolution, layout, attributeSlot);
    };
    const slots =
      formula.scope === 'activity' ? layout.activitySlots : formula.scope === 'zone' ? layout.zoneSlots : layout.packageSlots;
    return { formula, slot: slots.get(formula.name)!, fn: compileFormula(formula.expr, bind) };
  });
  return { checked, layout, steps };
}

function compilePayment(checked: CheckedPayment, attributeSlot: ReadonlyMap<string, number>): CompiledPayment {
  const layout = layoutPayment(checked);
  const steps = checked.order.map((formula) => {
    const bind = (name: string): NameBinding => {
      const resolution = checked.scope.resolve(name);
      if (!resolution) throw new Error(`name '${name}' of ${formula.location} passed the checks unresolved`);
      if (resolution.source.kind === 'attribute') return scalar(attributeReader(name, attributeSlot));
      return scalar(packageReader(layout.slots.get(name)!, FAULT.none, name));
    };
    return { formula, slot: layout.slots.get(formula.name)!, fn: compileFormula(formula.expr, bind) };
  });
  return { checked, layout, steps };
}

/** The fault a NaN value of this source means; formulas' NaN is an upstream failure. */
function faultOf(source: NameSource): Fault {
  if (source.kind === 'constant' || source.kind === 'attribute') return FAULT.missingValue;
  if (source.kind === 'table') return FAULT.noMatch;
  return FAULT.none;
}

function bindPackageName(
  name: string,
  resolution: Resolution,
  layout: PackageLayout,
  attributeSlot: ReadonlyMap<string, number>,
): NameBinding {
  const { source, list } = resolution;
  const fault = faultOf(source);
  if (source.kind === 'attribute') return scalar(attributeReader(name, attributeSlot));
  const constant = layout.constants.get(name);
  if (constant !== undefined) {
    if (list === 'activity') return { kind: 'list', list: { over: 'constants', slot: constant, name, fault } };
    return scalar((c) => {
      const value = c.constants[c.constantBase + constant]!;
      return value !== value ? fail(c, FAULT.missingValue, name) : value;
    });
  }
  const input = layout.inputs.get(name);
  if (input) {
    if (list === 'activity') {
      return { kind: 'list', list: { over: input.isNull ? 'isNull' : 'inputs', slot: input.input, name, fault } };
    }
    return scalar(inputReader(input.input, input.isNull));
  }
  if (list === 'activity') {
    return { kind: 'list', list: { over: 'activities', slot: layout.activitySlots.get(name)!, name, fault } };
  }
  if (list === 'target') {
    return { kind: 'list', list: { over: 'targets', slot: layout.packageSlots.get(name)!, name, fault } };
  }
  const activitySlot = layout.activitySlots.get(name);
  if (activitySlot !== undefined) return scalar(activityReader(activitySlot, fault, name));
  const zoneSlot = layout.zoneSlots.get(name);
  if (zoneSlot !== undefined) return scalar((c) => c.zone[c.zoneBase + zoneSlot]!);
  return scalar(packageReader(layout.packageSlots.get(name)!, fault, name));
}

const scalar = (fn: Fn): NameBinding => ({ kind: 'scalar', fn });

/** An entered value (0 when missing) or its missing-value flag, for the current activity. */
function inputReader(input: number, isNull: boolean): Fn {
  if (isNull) {
    return (c) => {
      const value = c.inputs[c.inputBase + input]![c.unit]!;
      return value !== value ? 1 : 0;
    };
  }
  return (c) => {
    const value = c.inputs[c.inputBase + input]![c.unit]!;
    return value !== value ? 0 : value;
  };
}

function activityReader(slot: number, fault: Fault, name: string): Fn {
  if (fault === FAULT.none) return (c) => c.act[c.actBase + slot]!;
  return (c) => {
    const value = c.act[c.actBase + slot]!;
    return value !== value ? fail(c, fault, name) : value;
  };
}

function packageReader(slot: number, fault: Fault, name: string): Fn {
  if (fault === FAULT.none) return (c) => c.pkg[c.pkgBase + slot]!;
  return (c) => {
    const value = c.pkg[c.pkgBase + slot]!;
    return value !== value ? fail(c, fault, name) : value;
  };
}

function attributeReader(name: string, attributeSlot: ReadonlyMap<string, number>): Fn {
  const slot = attributeSlot.get(name)!;
  return (c) => {
    const value = c.attrs[c.attrBase + slot]!;
    return value !== value ? fail(c, FAULT.missingValue, name) : value;
  };
}
