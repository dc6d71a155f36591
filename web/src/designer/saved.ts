import type { Draft } from './draft.ts';

/**
 * The codes of the version a draft started from. Entered values are stored under activity
 * and input codes, workflow statuses under package codes, invoices and funder shares under
 * payment codes: renaming a saved one in a new version would leave all of it behind, so the
 * designer renames only codes this draft introduced, and follows them where the draft names
 * them. Names (labels) can always change.
 */
export interface SavedCodes {
  package(code: string): boolean;
  payment(code: string): boolean;
  activity(pkg: string, code: string): boolean;
  input(pkg: string, name: string): boolean;
}

export function savedCodes(base: Draft | undefined): SavedCodes {
  const packages = new Map((base?.packages ?? []).map((pkg) => [pkg.code, pkg]));
  const payments = new Set((base?.payments ?? []).map((payment) => payment.code));
  return {
    package: (code) => packages.has(code),
    payment: (code) => payments.has(code),
    activity: (pkg, code) => packages.get(pkg)?.activities.some((activity) => activity.code === code) ?? false,
    input: (pkg, name) => packages.get(pkg)?.inputs.includes(name) ?? false,
  };
}
