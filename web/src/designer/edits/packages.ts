import type { Draft, DraftPackage, GroupFilter } from '../draft.ts';
import { renameInFormulas } from './references.ts';
import { removeAt, replaceAt, unusedName, withOptional, withText } from './records.ts';

/**
 * Packages added, changed and removed. Removing a package leaves what reads it (a payment's
 * list, a decision table, `package.formula` in a payment) as it is: the check then shows
 * each place, and the designer decides, rather than the edit deleting work silently.
 */

export function withPackage(draft: Draft, index: number, update: (pkg: DraftPackage) => DraftPackage): Draft {
  return { ...draft, packages: replaceAt(draft.packages, index, update) };
}

/** Codes a new package or payment must avoid: the engine refuses a payment named like a package. */
export function takenCodes(draft: Draft): string[] {
  return [...draft.packages.map((pkg) => pkg.code), ...draft.payments.map((payment) => payment.code)];
}

/** Appends an empty monthly package named `new_package` (or `_2`…); returns its index. */
export function addPackage(draft: Draft): { draft: Draft; index: number } {
  const added: DraftPackage = {
    code: unusedName('new_package', takenCodes(draft)),
    frequency: 'monthly',
    inputs: [],
    activities: [],
    activityFormulas: {},
    formulas: {},
  };
  return { draft: { ...draft, packages: [...draft.packages, added] }, index: draft.packages.length };
}

export function removePackage(draft: Draft, index: number): Draft {
  return { ...draft, packages: removeAt(draft.packages, index) };
}

export function setPackageText(draft: Draft, index: number, field: 'name' | 'description', text: string): Draft {
  return withPackage(draft, index, (pkg) => withText(pkg, field, text));
}

export function setPackageFrequency(draft: Draft, index: number, frequency: string): Draft {
  return withPackage(draft, index, (pkg) => ({ ...pkg, frequency }));
}

/**
 * Single or zone. Targets and zone formulas stay when a zone becomes single: the check says
 * they do not belong there, and switching back keeps them.
 */
export function setPackageKind(draft: Draft, index: number, kind: string): Draft {
  return withPackage(draft, index, (pkg) => ({ ...pkg, kind }));
}

/** The units a package applies to, or a zone's targets; no filter means every unit. */
export function setPackageFilter(draft: Draft, index: number, field: 'appliesTo' | 'targets', filter: GroupFilter | undefined): Draft {
  return withPackage(draft, index, (pkg) => withOptional(pkg, field, filter));
}

/**
 * A new code for a package the saved versions do not know (entered data and statuses refer
 * to saved codes, so the screen offers this only for new packages), followed everywhere the
 * programme names it: decision tables, payments' lists and `code.formula` in their formulas.
 */
export function renamePackageCode(draft: Draft, index: number, next: string): Draft {
  const previous = draft.packages[index]?.code;
  if (previous === undefined) throw new RangeError(`no package ${index}`);
  if (previous === next) return draft;
  const rename = (name: string) => (name.startsWith(`${previous}.`) ? next + name.slice(previous.length) : undefined);
  return {
    ...draft,
    packages: replaceAt(draft.packages, index, (pkg) => ({ ...pkg, code: next })),
    decisionTables: draft.decisionTables.map((table) => (table.package === previous ? { ...table, package: next } : table)),
    payments: draft.payments.map((payment) =>
      payment.packages.includes(previous)
        ? {
            ...payment,
            packages: payment.packages.map((code) => (code === previous ? next : code)),
            formulas: renameInFormulas(payment.formulas, rename),
          }
        : payment,
    ),
  };
}
