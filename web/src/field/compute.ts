import { withValidatedDefault } from '../../../src/domain/dataValues/validatedDefault.ts';
import { describeError, loadProgram, type Locale, type OrgUnitInput, type Program } from '../../../src/engine/index.ts';
import { prepare, run } from '../../../src/engine/pipeline.ts';
import type { Draft } from '../designer/draft.ts';
import { inferAttributeNames } from '../designer/findings.ts';
import type { Package } from './rules.ts';

/**
 * The programme's own formulas run in the browser on what the verifier is typing, with the
 * rules engine the server uses: a line's discrepancy and amount, what a discrepancy costs, a
 * checklist's score, before anything is saved and without a network.
 */
export interface Facility {
  readonly id: string;
  /** `/bi/p1/d1/cds_1/`: the ids of the facility's ancestors, root first. */
  readonly path: string;
  readonly groups: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, number>>;
}

export interface Entry {
  readonly period: string;
  readonly activity: string;
  readonly state: string;
  readonly value: number;
}

export interface Figures {
  /** A value of one activity: an input, a constant, a decision-table output or an activity formula. */
  activity(code: string, name: string): number | undefined;
  /** A package formula. */
  formula(name: string): number | undefined;
  /** A payment's amount at the facility, read as an invoice reads it (`to_pay`, or its last formula); undefined where it does not apply. */
  payment(code: string): number | undefined;
  /** Run-time errors of this package at this facility, in the reader's language. */
  readonly errors: readonly string[];
}

export type Computed = { readonly figures: Figures } | { readonly errors: readonly string[] };

/** A programme version ready to run at one facility. */
export class FacilityRules {
  readonly program: Program | undefined;
  private readonly orgUnits: OrgUnitInput[];
  private readonly loadErrors: string[];

  constructor(
    private readonly definition: unknown,
    private readonly facility: Facility,
    locale: Locale,
  ) {
    const loaded = loadProgram(definition, locale);
    this.program = loaded.program;
    this.loadErrors = loaded.errors.map((error) => describeError(error, locale));
    this.orgUnits = this.program ? facilityTree(facility, inferAttributeNames(definition as Draft, Object.keys(facility.attributes))) : [];
  }

  package(code: string): Package | undefined {
    return this.program?.packages.find((pkg) => pkg.code === code);
  }

  /**
   * Runs the whole programme for the facility and one period (the package's workflow period)
   * and reads one package. It computes what the committee will lock: where no validated
   * figure was entered, the verified one stands for it, as the validate step stores it.
   */
  compute(code: string, period: string, entries: readonly Entry[], locale: Locale): Computed {
    if (!this.program) return { errors: this.loadErrors };
    const locked = this.program.packages.reduce((figures, pkg) => withValidatedDefault(pkg, figures), entries);
    const data = locked.map((entry) => ({ orgUnit: this.facility.id, ...entry }));
    const { prepared, errors } = prepare({ program: this.definition, orgUnits: this.orgUnits, data }, locale);
    if (!prepared) return { errors: errors.map((error) => describeError(error, locale)) };
    const result = run(prepared, { orgUnits: [this.facility.id], periods: [period] });
    const unit = this.facility.id;
    const read = (name: string) => {
      const value = result.value(unit, period, name);
      return value === undefined || Number.isNaN(value) ? undefined : value;
    };
    const own = result.errors.filter((error) => error.at.startsWith(`${code}.`) && (error.orgUnit === undefined || error.orgUnit === unit));
    return {
      figures: {
        activity: (activity, name) => read(`${code}.${activity}.${name}`),
        formula: (name) => read(`${code}.${name}`),
        payment: (payment) => {
          const formula = prepared.compiled.payments.find((candidate) => candidate.checked.payment.code === payment)?.checked.amount;
          return formula === undefined ? undefined : read(`${payment}.${formula}`);
        },
        errors: own.map((error) => describeError(error, locale)),
      },
    };
  }
}

/**
 * The facility and a bare unit per ancestor: decision tables match `level_N` by the
 * ancestor's id, and a facility's formulas read only its own groups and attributes. Attribute
 * names the programme reads but the facility lacks are declared on the root, so that the
 * engine's checks know them; the facility then reads them as missing, as the server would.
 */
export function facilityTree(facility: Facility, attributeNames: readonly string[]): OrgUnitInput[] {
  const ids = facility.path.split('/').filter(Boolean);
  if (ids[ids.length - 1] !== facility.id) ids.push(facility.id);
  const missing = attributeNames.filter((name) => !(name in facility.attributes));
  return ids.map((id, i) => {
    if (id === facility.id) {
      return { id, ...(i > 0 ? { parent: ids[i - 1]! } : {}), groups: { ...facility.groups }, attributes: { ...facility.attributes } };
    }
    const attributes = i === 0 && missing.length > 0 ? { attributes: Object.fromEntries(missing.map((name) => [name, 0])) } : {};
    return { id, ...(i > 0 ? { parent: ids[i - 1]! } : {}), ...attributes };
  });
}

/**
 * What each line's discrepancy costs: its amount as if the declaration had matched the
 * verified count, less its amount as entered, both computed by the programme's formulas.
 */
export function lossesOf(
  rules: FacilityRules,
  pkg: Package,
  period: string,
  entries: readonly Entry[],
  amountFormula: string,
  locale: Locale,
): Map<string, { amount: number; loss: number }> | undefined {
  const asEntered = rules.compute(pkg.code, period, entries, locale);
  const verified = entries.filter((entry) => entry.state === 'verified');
  const lineKey = (entry: Entry) => `${entry.period}\u0000${entry.activity}`;
  const verifiedLines = new Set(verified.map(lineKey));
  const matching = [
    ...entries.filter((entry) => !(entry.state === 'declared' && verifiedLines.has(lineKey(entry)))),
    ...verified.map((entry) => ({ ...entry, state: 'declared' })),
  ];
  const asMatched = rules.compute(pkg.code, period, matching, locale);
  if (!('figures' in asEntered) || !('figures' in asMatched)) return undefined;
  const lines = new Map<string, { amount: number; loss: number }>();
  for (const activity of pkg.activities) {
    const amount = asEntered.figures.activity(activity.code, amountFormula);
    const full = asMatched.figures.activity(activity.code, amountFormula);
    if (amount !== undefined && full !== undefined) lines.set(activity.code, { amount, loss: full - amount });
  }
  return lines;
}
