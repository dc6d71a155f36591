import { z } from 'zod';
import type { ExplainedValue, Explanation } from '../../engine/provenance/explain.ts';
import { route } from '../http.ts';
import { ADJUSTMENT_KINDS, APPROVAL_REFUSALS, INVOICE_STATUSES } from '../invoices.ts';
import { entryPeriod, page, pageQuery, planningPeriod, programmeParams, recordId, recordIdParam, valueSchema } from './common.ts';
import { fundersParts } from './payments.ts';

/** What the signed-in user may do with an invoice (src/domain/policies/invoice.ts): the screens offer exactly these. */
export const invoicePolicies = z.object({
  approve: z.boolean(),
  approveRefusal: z.enum(APPROVAL_REFUSALS).nullable().describe('why approve is false: no role on the unit, prepared by you (four eyes), replaced, not prepared'),
  reject: z.boolean(),
  correct: z.boolean().describe('record corrected figures of its package periods (approved, ordered or paid)'),
});

export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);

export const invoice = z.object({
  id: z.number(),
  runId: z.number(),
  orgUnitId: z.string(),
  period: z.string(),
  payment: z.string(),
  amount: z.string(),
  status: invoiceStatusSchema,
  programmeVersion: z.number(),
  preparedBy: z.number().nullable(),
  approvedBy: z.number().nullable(),
  approvedAt: z.date().nullable(),
  supersededBy: z.number().nullable(),
  rejectedBy: z.number().nullable(),
  rejectedAt: z.date().nullable(),
  rejectionReason: z.string().nullable(),
  /** What the invoice could not pay (≤ 0) after its adjustment lines, taken from the unit's next invoice. */
  carriedForward: z.string(),
  createdAt: z.date(),
  policies: invoicePolicies,
});

/** Corrected figures by activity, then state, as exact decimal text. */
const correctedValues = z.record(z.string(), z.record(z.string(), z.string()));

/** A line of earlier periods the invoice carries: a correction's difference, or a remainder. */
export const adjustment = z.object({
  id: z.number(),
  kind: z.enum(ADJUSTMENT_KINDS),
  sourceInvoiceId: z.number(),
  period: z.string(),
  correctedAmount: z.string().nullable(),
  grantedAmount: z.string().nullable(),
  amount: z.string(),
  corrections: z.array(
    z.object({
      id: z.number(),
      period: z.string(),
      package: z.string(),
      values: correctedValues,
      reason: z.string(),
      createdBy: z.number().nullable(),
      createdByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});

/**
 * An engine explanation: the value, its formula and the values it read, recursively
 * (src/engine/provenance/explain.ts). Validated loosely — the engine's own type describes it.
 */
const explanationSchema: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    orgUnit: z.string(),
    period: z.string(),
    name: z.string(),
    value: z.number().nullable(),
    source: z.string(),
    location: z.string(),
    reads: z.array(explanationSchema),
  }),
);
/** A node of the explanation; the root of an answer also names the programme version it was computed under. */
export type ExplanationNode = Explanation & Partial<Pick<ExplainedValue, 'program'>>;
export const explanation = explanationSchema as z.ZodType<ExplanationNode>;

export const penaltyLine = z.object({
  package: z.string(),
  activity: z.string(),
  activityName: z.string().nullable(),
  period: z.string(),
  inputs: z.record(z.string(), z.number()),
  gap: z.number().nullable(),
  tolerance: z.number().nullable(),
  lost: z.string(),
  /** The value whose provenance explains the loss. */
  lostName: z.string(),
});

/** The lines the invoice lost to the programme's declared penalties, as its run computed them. */
const penalties = z.object({ breaches: z.number(), lost: z.string(), lines: z.array(penaltyLine).readonly() });

export const invoiceDetail = invoice.extend({
  values: z.array(z.object({ period: z.string(), name: z.string(), value: z.number().nullable() })),
  penalties,
  /** The invoice's own period's amount, before its adjustment lines. */
  baseAmount: z.string(),
  adjustments: z.array(adjustment),
});

const invoiceParams = programmeParams.extend({ invoiceId: recordIdParam });

export const listInvoices = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoices',
  tags: ['invoices'],
  summary: 'Invoices in the user’s scope: current ones, or also those replaced by a later run',
  params: programmeParams,
  querystring: pageQuery.extend({
    orgUnitId: z.string().optional(),
    period: planningPeriod.optional(),
    status: invoiceStatusSchema.optional(),
    runId: recordIdParam.optional(),
    includeSuperseded: z.stringbool().default(false),
  }),
  response: { 200: page(invoice) },
});

export const getInvoice = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoices/:invoiceId',
  tags: ['invoices'],
  summary: 'One invoice with every value its run computed for its unit, and the lines it lost to declared penalties',
  params: invoiceParams,
  response: { 200: invoiceDetail },
});

export const invoiceFundersParts = route({
  method: 'POST',
  url: '/programmes/:programmeId/invoices/funders-parts',
  tags: ['invoices'],
  summary: 'The total of the named invoices and each funder’s part of it, split by the funder shares in force (the approver’s confirmation); writes nothing',
  params: programmeParams,
  body: z.object({ invoiceIds: z.array(recordId).min(1).max(5000) }),
  response: { 200: fundersParts },
});

export const approveInvoices = route({
  method: 'POST',
  url: '/programmes/:programmeId/invoices/approve',
  tags: ['invoices'],
  summary: 'Approve prepared invoices (committee; not the person who started their run), all or none',
  params: programmeParams,
  body: z.object({ invoiceIds: z.array(recordId).min(1).max(5000), reason: z.string().optional() }),
  response: { 200: z.object({ approved: z.array(z.number()) }) },
});

export const rejectInvoice = route({
  method: 'POST',
  url: '/programmes/:programmeId/invoices/:invoiceId/reject',
  tags: ['invoices'],
  summary: 'Reject a prepared invoice, with a reason: its package periods go back to validated, to be unlocked, corrected and run again',
  params: invoiceParams,
  body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) }),
  response: { 200: z.object({ invoiceId: z.number(), status: z.literal('rejected'), periodsReopened: z.number() }) },
});

export const invoiceProvenance = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoices/:invoiceId/provenance',
  tags: ['invoices'],
  summary: 'Why an invoice value is what it is, recomputed from its run’s stored inputs and programme version',
  params: invoiceParams,
  querystring: z.object({ name: z.string().optional(), period: planningPeriod.optional() }),
  response: {
    200: z.object({
      invoiceId: z.number(),
      runId: z.number(),
      programmeVersion: z.number(),
      orgUnitId: z.string(),
      period: z.string(),
      name: z.string(),
      storedValue: z.number().nullable(),
      recomputedValue: z.number().nullable(),
      identical: z.boolean(),
      explanation,
    }),
  },
});

export const correction = z.object({ id: z.number(), orgUnitId: z.string(), period: z.string(), package: z.string(), values: correctedValues, reason: z.string() });

export const correctionListed = correction.extend({
  orgUnitName: z.string(),
  createdBy: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  appliedBy: z.array(z.object({ invoiceId: z.number(), period: z.string(), status: z.string() })),
});

export const recordCorrection = route({
  method: 'POST',
  url: '/programmes/:programmeId/corrections',
  tags: ['invoices'],
  summary: 'Record corrected figures of a package period already approved, ordered or paid: the next invoice run of the unit carries the difference',
  params: programmeParams,
  body: z.strictObject({
    orgUnitId: z.string().min(1).max(200),
    period: entryPeriod,
    package: z.string().min(1).max(200),
    values: z
      .array(z.strictObject({ activity: z.string().min(1).max(200), state: z.string().min(1).max(200).optional(), value: valueSchema }))
      .min(1, 'give at least one corrected value')
      .max(500),
    reason: z.string().trim().min(1, 'give a reason').max(2000),
  }),
  response: { 200: correction },
});

export const listCorrections = route({
  method: 'GET',
  url: '/programmes/:programmeId/corrections',
  tags: ['invoices'],
  summary: 'Corrections recorded after approval in the user’s scope, newest first, with the invoices whose adjustment lines apply them',
  params: programmeParams,
  querystring: pageQuery.extend({ orgUnitId: z.string().min(1).optional(), period: entryPeriod.optional() }),
  response: { 200: page(correctionListed) },
});

export const adjustmentProvenance = route({
  method: 'GET',
  url: '/programmes/:programmeId/invoices/:invoiceId/adjustments/:adjustmentId/provenance',
  tags: ['invoices'],
  summary: 'Why a correction line’s corrected amount is what it is: the corrected period’s invoice recomputed with the corrections, under that period’s rules',
  params: programmeParams.extend({ invoiceId: recordIdParam, adjustmentId: recordIdParam }),
  response: {
    200: z.object({
      adjustmentId: z.number(),
      invoiceId: z.number(),
      sourceInvoiceId: z.number(),
      runId: z.number(),
      programmeVersion: z.number(),
      orgUnitId: z.string(),
      period: z.string(),
      name: z.string(),
      storedValue: z.number(),
      recomputedValue: z.number(),
      identical: z.boolean(),
      explanation,
    }),
  },
});
