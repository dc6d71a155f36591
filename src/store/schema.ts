import { sql } from 'drizzle-orm';
import type { Role } from '../contract/roles.ts';
import { ADJUSTMENT_KINDS, INVOICE_STATUSES } from '../contract/invoices.ts';
import { JOB_KINDS, JOB_STATUSES, JOB_STEPS } from '../contract/jobs.ts';
import { WORKFLOW_STATUSES } from '../contract/workflow.ts';
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The database schema, one for PGlite and PostgreSQL. Every table of a programme's data is
 * keyed by `programme_id` first, so a programme's rows can live together (and be sharded by
 * programme with Citus). Money is numeric(20, 2); counts entered are numeric(20, 4).
 */

const money = (name: string) => numeric(name, { precision: 20, scale: 2 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const programmes = pgTable('programmes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  /** Decimal places of the currency (BIF: 0); invoice amounts are rounded to them. */
  currencyDecimals: integer('currency_decimals').notNull().default(0),
  createdAt: createdAt(),
});

/** A version of the rules, used for periods from `effective_from` until the next version. */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    definition: jsonb('definition').notNull(),
    hash: text('hash').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.version] })],
);

export const orgUnits = pgTable(
  'org_units',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    level: integer('level').notNull(),
    /** `/root/.../id/`: a subtree is every unit whose path starts with its root's path. */
    path: text('path').notNull(),
    groups: jsonb('groups').$type<Record<string, string>>().notNull().default({}),
    attributes: jsonb('attributes').$type<Record<string, number>>().notNull().default({}),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.id] }),
    index('org_units_path').on(t.programmeId, t.path),
    // The tree browser lists a unit's children: without it, a scan of the national tree each time.
    index('org_units_parent').on(t.programmeId, t.parentId),
    // Paths are ids joined by '/': an id holding one would pass for a unit of another subtree.
    check('org_units_id_safe', sql`${t.id} ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'`),
  ],
);

export const contracts = pgTable(
  'contracts',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    packages: jsonb('packages').$type<string[]>().notNull(),
    startPeriod: text('start_period').notNull(),
    endPeriod: text('end_period'),
    equityCategory: text('equity_category'),
    bankAccount: text('bank_account'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] }), index('contracts_unit').on(t.programmeId, t.orgUnitId)],
);

/**
 * Entered values, one row per (unit, period, activity, state). `version` counts edits, for
 * optimistic concurrency: an update names the version it read.
 */
export const dataValues = pgTable(
  'data_values',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    activity: text('activity').notNull(),
    state: text('state').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.orgUnitId, t.period, t.activity, t.state] }),
    index('data_values_period').on(t.programmeId, t.period),
  ],
);

export const workflowStatus = pgEnum('workflow_status', WORKFLOW_STATUSES);

/** Where one facility's package stands for one period. */
export const periodStatus = pgTable(
  'period_status',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    package: text('package').notNull(),
    status: workflowStatus('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.orgUnitId, t.period, t.package] })],
);

export const funders = pgTable(
  'funders',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] })],
);

/** A funder's share of the payments of a subtree (`org_unit_id`), from a period on. */
export const funderShares = pgTable(
  'funder_shares',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    funderId: text('funder_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    payment: text('payment'),
    share: numeric('share', { precision: 7, scale: 6 }).notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] })],
);

export const budgets = pgTable(
  'budgets',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    funderId: text('funder_id'),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] })],
);

export const invoiceRunStatus = pgEnum('invoice_run_status', ['completed', 'failed']);

/** One computation over a subtree and period; atomic: its invoices exist only if it completed. */
export const invoiceRuns = pgTable(
  'invoice_runs',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    rootOrgUnitId: text('root_org_unit_id').notNull(),
    period: text('period').notNull(),
    programmeVersion: integer('programme_version').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    status: invoiceRunStatus('status').notNull(),
    errors: jsonb('errors').notNull().default([]),
    /** The org units the engine read (the subtree and its ancestors), for recomputing later. */
    orgUnits: jsonb('org_units').notNull().default([]),
    /** Units and payments left out: not yet validated (`skipped`), or already approved (`kept`). */
    excluded: jsonb('excluded').notNull().default(sql`'{"skipped": [], "kept": []}'::jsonb`),
    startedBy: integer('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.id] }),
    index('invoice_runs_scope').on(t.programmeId, t.rootOrgUnitId, t.period),
  ],
);

/**
 * The entered values a run read, so it can be recomputed identically later. Append-only
 * snapshots, written once by the run, read by run and unit: an index on those two rather
 * than a key over every column, which doubled the time a national run spends writing.
 */
export const invoiceRunInputs = pgTable(
  'invoice_run_inputs',
  {
    programmeId: text('programme_id').notNull(),
    runId: integer('run_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    activity: text('activity').notNull(),
    state: text('state').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
  },
  (t) => [index('invoice_run_inputs_unit').on(t.runId, t.orgUnitId)],
);

export const invoiceStatus = pgEnum('invoice_status', INVOICE_STATUSES);

/**
 * What one facility is owed by one payment rule for one period. Immutable once approved. A
 * prepared invoice the approver rejects stays, `rejected` with who, when and why, and is no
 * longer current: its period can be unlocked, corrected and invoiced again.
 */
export const invoices = pgTable(
  'invoices',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    runId: integer('run_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    payment: text('payment').notNull(),
    amount: money('amount').notNull(),
    status: invoiceStatus('status').notNull().default('prepared'),
    programmeVersion: integer('programme_version').notNull(),
    preparedBy: integer('prepared_by'),
    approvedBy: integer('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The run whose invoice replaced this prepared one; the current invoice has none. */
    supersededBy: integer('superseded_by'),
    rejectedBy: integer('rejected_by'),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    /**
     * What the invoice could not pay (≤ 0): its own amount plus its adjustment lines fell
     * below zero, so `amount` is 0 and this remainder is taken from the unit's next invoice of
     * the same payment (docs/decisions/0015-adjustments-after-payment.md).
     */
    carriedForward: money('carried_forward').notNull().default('0'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.id] }),
    index('invoices_unit_period').on(t.programmeId, t.orgUnitId, t.period),
    index('invoices_run').on(t.programmeId, t.runId),
    uniqueIndex('invoices_current')
      .on(t.programmeId, t.orgUnitId, t.period, t.payment)
      .where(sql`${t.supersededBy} is null and ${t.rejectedAt} is null`),
  ],
);

/** Every value a run computed, by unit, period and name; provenance is recomputed from these. Indexed as the inputs. */
export const invoiceRunValues = pgTable(
  'invoice_run_values',
  {
    programmeId: text('programme_id').notNull(),
    runId: integer('run_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    name: text('name').notNull(),
    value: doublePrecision('value'),
  },
  (t) => [index('invoice_run_values_unit').on(t.runId, t.orgUnitId)],
);

/**
 * Corrected figures of a facility's package period found after its invoice was approved (a
 * counter-verification, an audit). Append-only: what was validated and paid stays as it was;
 * the next invoice of the facility carries the difference as an adjustment line. `values`
 * maps `activity` → `state` → the corrected value as exact numeric text.
 */
export const corrections = pgTable(
  'corrections',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    period: text('period').notNull(),
    package: text('package').notNull(),
    values: jsonb('values').$type<Record<string, Record<string, string>>>().notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] }), index('corrections_unit').on(t.programmeId, t.orgUnitId)],
);

export const adjustmentKind = pgEnum('adjustment_kind', ADJUSTMENT_KINDS);

/**
 * A line of an invoice beyond its own period's amount: the difference a correction makes to
 * an earlier approved invoice (`correction`), or the remainder an earlier invoice could not
 * take (`carried`). It counts as applied while the invoice carrying it is current; a
 * rejected or replaced invoice releases it for the next run.
 */
export const invoiceAdjustments = pgTable(
  'invoice_adjustments',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    /** The invoice carrying the line. */
    invoiceId: integer('invoice_id').notNull(),
    kind: adjustmentKind('kind').notNull(),
    /** The approved invoice corrected, or whose remainder is carried. */
    sourceInvoiceId: integer('source_invoice_id').notNull(),
    /** The source invoice's period. */
    period: text('period').notNull(),
    /** The corrections the line applies: they count as applied while the line's invoice is current. */
    correctionIds: integer('correction_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Every correction the corrected amount reads (those applied by earlier lines too), for its provenance. */
    readCorrectionIds: integer('read_correction_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** What the rules of the period's version pay with the corrected figures (correction lines). */
    correctedAmount: money('corrected_amount'),
    /** What the source invoice and the earlier lines correcting it already granted (correction lines). */
    grantedAmount: money('granted_amount'),
    amount: money('amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.id] }),
    index('invoice_adjustments_invoice').on(t.programmeId, t.invoiceId),
    index('invoice_adjustments_source').on(t.programmeId, t.sourceInvoiceId),
  ],
);

export const paymentOrders = pgTable(
  'payment_orders',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    funderId: text('funder_id').notNull(),
    period: text('period').notNull(),
    /** The subtree whose invoices the order pays. */
    orgUnitId: text('org_unit_id').notNull(),
    total: money('total').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    /** An order nothing was paid on may be cancelled, with a reason; its lines can then be ordered again. */
    cancelledBy: integer('cancelled_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationReason: text('cancellation_reason'),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] })],
);

export const paymentOrderLines = pgTable(
  'payment_order_lines',
  {
    programmeId: text('programme_id').notNull(),
    orderId: integer('order_id').notNull(),
    invoiceId: integer('invoice_id').notNull(),
    funderId: text('funder_id').notNull(),
    amount: money('amount').notNull(),
    /** Set with its order's cancellation: the line no longer counts, and may be ordered anew. */
    cancelled: boolean('cancelled').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.orderId, t.invoiceId] }),
    uniqueIndex('payment_order_lines_once').on(t.programmeId, t.invoiceId, t.funderId).where(sql`not ${t.cancelled}`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    orderId: integer('order_id').notNull(),
    invoiceId: integer('invoice_id').notNull(),
    funderId: text('funder_id').notNull(),
    paidOn: date('paid_on').notNull(),
    amount: money('amount').notNull(),
    reference: text('reference').notNull(),
    recordedBy: integer('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.id] }), index('payments_invoice').on(t.programmeId, t.invoiceId)],
);

/**
 * A reproducible draw of the facilities of a subtree to verify in a period. One current draw
 * per (subtree, period): a replacement marks the old one replaced (audited with its reason).
 * `applied_at` is set once the facilities not drawn have had their verified values
 * estimated; an applied draw is final.
 */
export const verificationDraws = pgTable(
  'verification_draws',
  {
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    id: serial('id').notNull(),
    rootOrgUnitId: text('root_org_unit_id').notNull(),
    period: text('period').notNull(),
    seed: text('seed').notNull(),
    parameters: jsonb('parameters').notNull(),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    replacedBy: integer('replaced_by'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    appliedBy: integer('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.id] }),
    uniqueIndex('verification_draws_current').on(t.programmeId, t.rootOrgUnitId, t.period).where(sql`${t.replacedAt} is null`),
  ],
);

export const verificationDrawEntries = pgTable(
  'verification_draw_entries',
  {
    programmeId: text('programme_id').notNull(),
    drawId: integer('draw_id').notNull(),
    orgUnitId: text('org_unit_id').notNull(),
    riskClass: text('risk_class').notNull(),
    probability: doublePrecision('probability').notNull(),
    drawn: boolean('drawn').notNull(),
    validationRate: doublePrecision('validation_rate'),
    reasons: jsonb('reasons').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.drawId, t.orgUnitId] }),
    index('verification_draw_entries_unit').on(t.programmeId, t.orgUnitId),
  ],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale').notNull().default('fr'),
  active: boolean('active').notNull().default(true),
  /** Administers the platform: creates programmes, and is a national admin of every one. */
  platformAdmin: boolean('platform_admin').notNull().default(false),
  /** Set by an admin's reset: the next sign-in may do nothing but choose a new password. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Wrong passwords since the last sign-in; past a limit the account waits until `locked_until`. */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** A role in a programme over the subtree rooted at `org_unit_id`. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    role: text('role').$type<Role>().notNull(),
    orgUnitId: text('org_unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.programmeId, t.role, t.orgUnitId] })],
);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the session token; the token itself lives only in the user's cookie. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** Every change: who, when, what, old value, new value, why. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    programmeId: text('programme_id'),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    userId: integer('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityKey: text('entity_key').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason'),
    /** The org unit the change is about, for scoping the log to a reader's subtree; none for programme-wide changes. */
    orgUnitId: text('org_unit_id'),
  },
  (t) => [index('audit_log_entity').on(t.programmeId, t.entity, t.entityKey), index('audit_log_unit').on(t.programmeId, t.orgUnitId)],
);

/**
 * A client's key for one state-changing request (the `Idempotency-Key` header), per user: a
 * replay with the same key and request gets the first answer instead of acting twice.
 * `status` is null while the first request is under way.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: integer('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

export const jobStatus = pgEnum('job_status', JOB_STATUSES);
export const jobKind = pgEnum('job_kind', JOB_KINDS);
export const jobStep = pgEnum('job_step', JOB_STEPS);

/**
 * Long work run off the request path (docs/decisions/0016-jobs.md): who asked for what over
 * which part of the tree, how far it got, and what it gave or why it failed. A job left
 * queued or running by a process that stopped is marked failed at the next start.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: serial('id').primaryKey(),
    programmeId: text('programme_id').notNull().references(() => programmes.id),
    kind: jobKind('kind').notNull(),
    /** The root of the subtree the job works on: who may see the job is decided by it. */
    orgUnitId: text('org_unit_id').notNull(),
    /** What the job was asked, as its kind reads it (an invoice run: the unit and period). */
    scope: jsonb('scope').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    status: jobStatus('status').notNull().default('queued'),
    step: jobStep('step'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    result: jsonb('result'),
    error: jsonb('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_programme').on(t.programmeId, t.status, t.id)],
);
