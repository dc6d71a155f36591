import { z } from 'zod';
import { INPUT_TYPES } from './inputTypes.ts';

/** Names formulas can use: a letter or underscore, then letters, digits, underscores. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['AND', 'OR', 'NOT']);

const identifier = z
  .string()
  .regex(IDENTIFIER, 'must start with a letter or _ and hold only letters, digits and _')
  .refine((name) => !RESERVED.has(name.toUpperCase()), 'AND, OR and NOT are reserved words');

const periodId = z.string().regex(/^\d{4}(?:0[1-9]|1[0-2]|Q[1-4])?$/, 'must be a DHIS2 period: 202401, 2024Q1 or 2024');
const groupFilter = z
  .record(z.string(), z.array(z.union([z.string(), z.number()]).transform(String)))
  .describe('groupset → groups: a unit matches when, for every groupset listed, its group is one of those listed');
const formulas = z.record(identifier, z.string()).describe('name → expression in the formula language');
const text = z.string().optional();

export const activitySchema = z.strictObject({
  code: z.string().regex(/^[^.\s]+$/, 'must be non-empty, without dots or spaces'),
  name: text,
  constants: z.record(identifier, z.number()).optional().describe('numbers this activity\'s formulas can read by name'),
});

/**
 * What a penalty is, said by the programme rather than guessed from formula names: the
 * activity formula flagging a line beyond the verification tolerance and the one giving the
 * money that costs it; screens and invoices show these, and the engine checks they exist.
 */
export const penaltiesSchema = z
  .strictObject({
    breach: identifier.describe('activity formula: not 0 on a line the verification found beyond the tolerance'),
    lost: identifier.describe('activity formula: the money the line loses to the breach'),
    gap: identifier.optional().describe('activity formula: the discrepancy measured, shown beside the tolerance'),
    tolerance: identifier.optional().describe('activity formula: the tolerance the discrepancy is held to'),
  })
  .describe('which activity formulas say a line is penalised and what it costs; each must be an activity formula of the package');

export const packageSchema = z.strictObject({
  code: identifier,
  name: text,
  description: text,
  frequency: z.enum(['monthly', 'quarterly']),
  kind: z.enum(['single', 'zone']).default('single').describe('zone: computed at a main unit over its descendants matching targets'),
  appliesTo: groupFilter.optional(),
  targets: groupFilter.optional(),
  inputs: z.array(identifier).describe('data states entered per activity, e.g. declared, verified'),
  inputTypes: z
    .record(identifier, z.enum(INPUT_TYPES))
    .optional()
    .describe('input → count (whole), amount (2 decimals), score, percentage (0–100); an input left out is any number ≥ 0'),
  activities: z.array(activitySchema),
  activityFormulas: formulas.default({}).describe('evaluated once per activity'),
  formulas: formulas.default({}).describe('evaluated once per org unit; activity values are lists here'),
  zoneFormulas: formulas.optional().describe('zone packages: evaluated once at the zone\'s main unit'),
  penalties: penaltiesSchema.optional(),
});

export const decisionTableSchema = z.strictObject({
  package: z.string(),
  name: text,
  inputs: z.array(z.string().min(1)).describe('facts: activity, orgUnit, a groupset name or level_N'),
  outputs: z.array(identifier).min(1),
  from: periodId.optional().describe('first period the table applies to (inclusive)'),
  to: periodId.optional().describe('last period the table applies to (inclusive)'),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number()])))
    .describe('one cell per input ("*" or absent matches anything) and a number per output; the most specific row wins'),
});

export const paymentSchema = z.strictObject({
  code: identifier,
  name: text,
  frequency: z.enum(['monthly', 'quarterly']),
  appliesTo: groupFilter.optional(),
  packages: z.array(z.string()).min(1).describe('single packages whose formulas the payment reads as package.formula'),
  formulas: formulas,
  amount: identifier
    .optional()
    .describe(
      'the payment formula whose value is the amount paid; versions stored before it existed have none and are paid `to_pay`, else their last formula in evaluation order',
    ),
});

export const programSchema = z.strictObject({
  code: identifier,
  name: text,
  description: text,
  /** A label for this version of the rules; the store sets it when it saves a version. */
  version: text,
  currency: z.string().min(1),
  packages: z.array(packageSchema),
  decisionTables: z.array(decisionTableSchema).default([]),
  payments: z.array(paymentSchema).default([]),
  runWarnings: z
    .strictObject({
      maxChange: z.number().positive().describe('a share of the previous period\'s amount: 0.5 warns of a facility paid 50% more or less'),
    })
    .optional()
    .describe('what an invoice run warns of, besides an amount fallen to 0: a facility whose amount moved more than this from the previous period\'s invoice of the same payment (0.5 when absent)'),
});

export type ProgramInput = z.input<typeof programSchema>;
export type Program = z.output<typeof programSchema>;
export type Package = Program['packages'][number];
export type Activity = Package['activities'][number];
export type Penalties = NonNullable<Package['penalties']>;
export type DecisionTable = Program['decisionTables'][number];
export type Payment = Program['payments'][number];
export type GroupFilter = NonNullable<Package['appliesTo']>;

export const orgUnitSchema = z.strictObject({
  id: z.string().min(1),
  name: text,
  parent: z.string().min(1).optional(),
  groups: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
  attributes: z.record(identifier, z.number()).optional(),
});
export type OrgUnitInput = z.output<typeof orgUnitSchema>;

export const dataValueSchema = z.strictObject({
  orgUnit: z.string().min(1),
  period: z.string().regex(/^\d{4}(?:0[1-9]|1[0-2]|Q[1-4])$/, 'must be a month (202401) or a quarter (2024Q1)'),
  activity: z.string().min(1),
  state: z.string().min(1),
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
});
export type DataValue = z.output<typeof dataValueSchema>;
