import { IS_NULL_SUFFIX } from '../../../../src/engine/check/scope.ts';
import type { Draft, DraftPackage } from '../draft.ts';
import { withPackage } from './packages.ts';
import { removeAt, replaceAt, unusedName, withEntry, withKeyRenamed, withOptional } from './records.ts';
import { renameInFormulas } from './references.ts';

/**
 * A package's inputs: the data states entered per activity (declared, verified…), each with
 * an optional type (count, amount, score, percentage) that the entry screens enforce.
 */

/** Appends an untyped input named `new_input` (or `_2`…); returns its position. */
export function addInput(draft: Draft, pkgIndex: number): { draft: Draft; index: number } {
  const inputs = draft.packages[pkgIndex]?.inputs ?? [];
  const name = unusedName('new_input', inputs);
  return { draft: withPackage(draft, pkgIndex, (pkg) => ({ ...pkg, inputs: [...pkg.inputs, name] })), index: inputs.length };
}

/** Removes an input and its type; formulas reading it are left for the check to show. */
export function removeInput(draft: Draft, pkgIndex: number, inputIndex: number): Draft {
  return withPackage(draft, pkgIndex, (pkg) => {
    const name = pkg.inputs[inputIndex]!;
    const next = { ...pkg, inputs: removeAt(pkg.inputs, inputIndex) };
    return withInputTypes(next, withEntry(pkg.inputTypes, name, undefined));
  });
}

/** Sets an input's type; `undefined` leaves it untyped (any number ≥ 0). */
export function setInputType(draft: Draft, pkgIndex: number, input: string, type: string | undefined): Draft {
  return withPackage(draft, pkgIndex, (pkg) => withInputTypes(pkg, withEntry(pkg.inputTypes, input, type)));
}

/**
 * A new name for an input the saved versions do not know (entered values are stored under
 * the input's name), followed in its type and in the package's formulas, `_is_null` included.
 */
export function renameInput(draft: Draft, pkgIndex: number, inputIndex: number, next: string): Draft {
  return withPackage(draft, pkgIndex, (pkg) => {
    const previous = pkg.inputs[inputIndex];
    if (previous === undefined) throw new RangeError(`no input ${inputIndex}`);
    if (previous === next) return pkg;
    const renames = new Map([
      [previous, next],
      [previous + IS_NULL_SUFFIX, next + IS_NULL_SUFFIX],
    ]);
    const rename = (name: string) => renames.get(name);
    const renamed = {
      ...pkg,
      inputs: replaceAt(pkg.inputs, inputIndex, () => next),
      activityFormulas: renameInFormulas(pkg.activityFormulas, rename),
      formulas: renameInFormulas(pkg.formulas, rename),
    };
    return pkg.inputTypes && previous in pkg.inputTypes ? withInputTypes(renamed, withKeyRenamed(pkg.inputTypes, previous, next)) : renamed;
  });
}

/** A package without an empty `inputTypes`: the programme file leaves it out. */
function withInputTypes(pkg: DraftPackage, types: Record<string, string>): DraftPackage {
  return withOptional(pkg, 'inputTypes', Object.keys(types).length === 0 ? undefined : types);
}
