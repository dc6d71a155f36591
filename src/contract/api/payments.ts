import { z } from 'zod';
import { route } from '../http.ts';
import { CANCEL_REFUSALS } from '../invoices.ts';
import { entryPeriod, page, pageQuery, planningPeriod, programmeParams, recordId, recordIdParam } from './common.ts';

/** The answer of the previews a confirmation shows before money moves (src/domain/payments/fundersParts.ts). */
export const fundersParts = z.object({
  invoices: z.number(),
  total: z.string(),
  funders: z.array(z.object({ funderId: z.string(), amount: z.string(), invoices: z.number() })).readonly(),
  unsplit: z.array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), message: z.string() })).readonly(),
});

/** What the signed-in user may do with a payment order (src/domain/policies/paymentOrder.ts). */
export const orderPolicies = z.object({
  cancel: z.boolean().describe('a live order nothing was paid on, by a payer of its subtree'),
  cancelRefusal: z.enum(CANCEL_REFUSALS).nullable().describe('why cancel is false: no payer role on the subtree, cancelled, or paid on'),
  recordPayment: z.boolean().describe('record payments on its lines: a live order, by a payer of its subtree'),
});

export const paymentOrder = z.object({
  id: z.number(),
  funderId: z.string(),
  period: z.string(),
  orgUnitId: z.string(),
  total: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  cancelledBy: z.number().nullable(),
  cancelledAt: z.date().nullable(),
  cancellationReason: z.string().nullable(),
  policies: orderPolicies,
});

export const orderLine = z.object({
  invoiceId: z.number(),
  orgUnitId: z.string(),
  payment: z.string(),
  amount: z.string(),
  paid: z.string(),
  outstanding: z.string(),
});

export const payment = z.object({
  id: z.number(),
  orderId: z.number(),
  invoiceId: z.number(),
  funderId: z.string(),
  paidOn: z.string(),
  amount: z.string(),
  reference: z.string(),
  recordedBy: z.number().nullable(),
  createdAt: z.date(),
});

/** One funder's part of an invoice and how long its payment took, or is taking (src/domain/payments/paymentDelays.ts). */
export const delay = z.object({
  invoiceId: z.number(),
  orgUnitId: z.string(),
  period: z.string(),
  payment: z.string(),
  funderId: z.string(),
  orderId: z.number(),
  amount: z.string(),
  paid: z.string(),
  periodEnd: z.string(),
  orderedOn: z.string(),
  paidOn: z.string().nullable().describe('null while the part is not fully paid: a running delay'),
  delayDays: z.number().describe('days from the end of the period: the facility’s wait'),
  orderDays: z.number().describe('days from the payment order: the funder’s own delay'),
});

export const arrear = z.object({
  funderId: z.string(),
  funderName: z.string().nullable(),
  period: z.string(),
  ordered: z.string(),
  paid: z.string(),
  outstanding: z.string(),
  linesOutstanding: z.number(),
  periodEnd: z.string(),
  daysOverdue: z.number(),
});

const orderParams = programmeParams.extend({ orderId: recordIdParam });
const scopedQuery = pageQuery.extend({ orgUnitId: z.string().optional(), funderId: z.string().optional() });

export const orderPayments = route({
  method: 'POST',
  url: '/programmes/:programmeId/payment-orders',
  tags: ['payments'],
  summary: 'Order the payment of a subtree’s approved invoices for a period: one order per funder, split by the funder shares (payer)',
  params: programmeParams,
  body: z.object({ orgUnitId: z.string().min(1), period: entryPeriod, invoiceIds: z.array(recordId).min(1).max(20_000).optional() }),
  response: {
    201: z.object({
      orders: z.array(z.object({ id: z.number(), funderId: z.string(), period: z.string(), orgUnitId: z.string(), total: z.string(), lineCount: z.number() })),
      skipped: z.array(z.object({ invoiceId: z.number(), orgUnitId: z.string(), amount: z.string() })),
    }),
  },
});

export const orderPreview = route({
  method: 'GET',
  url: '/programmes/:programmeId/payment-orders/preview',
  tags: ['payments'],
  summary: 'What ordering a subtree’s approved invoices for a period would create, writing nothing: the invoices, their total and each funder’s part (the payer’s confirmation)',
  params: programmeParams,
  querystring: z.object({ orgUnitId: z.string().min(1), period: entryPeriod }),
  response: { 200: fundersParts.extend({ skipped: z.number() }) },
});

export const cancelOrder = route({
  method: 'POST',
  url: '/programmes/:programmeId/payment-orders/:orderId/cancel',
  tags: ['payments'],
  summary: 'Cancel a payment order nothing was paid on, with a reason: its invoices go back to approved, to be ordered again (payer)',
  params: orderParams,
  body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(2000) }),
  response: { 200: z.object({ orderId: z.number(), invoicesReopened: z.array(z.number()) }) },
});

export const listOrders = route({
  method: 'GET',
  url: '/programmes/:programmeId/payment-orders',
  tags: ['payments'],
  summary: 'Payment orders of subtrees in the user’s scope, newest first',
  params: programmeParams,
  querystring: pageQuery.extend({ period: planningPeriod.optional(), funderId: z.string().optional(), orgUnitId: z.string().optional() }),
  response: { 200: page(paymentOrder) },
});

export const getOrder = route({
  method: 'GET',
  url: '/programmes/:programmeId/payment-orders/:orderId',
  tags: ['payments'],
  summary: 'One payment order with its lines, what was paid on each and what is outstanding',
  params: orderParams,
  querystring: pageQuery,
  response: { 200: paymentOrder.extend({ paid: z.string().describe('paid on the whole order so far'), lines: page(orderLine) }) },
});

export const recordPayments = route({
  method: 'POST',
  url: '/programmes/:programmeId/payments',
  tags: ['payments'],
  summary: 'Record payments against payment-order lines (payer), all or none; a line is never overpaid',
  params: programmeParams,
  body: z.object({
    payments: z
      .array(
        z.object({
          orderId: recordId,
          invoiceId: recordId,
          paidOn: z.iso.date(),
          amount: z.union([z.string(), z.number()]).transform(String),
          reference: z.string().min(1),
        }),
      )
      .min(1)
      .max(5000),
  }),
  response: { 201: z.object({ paymentIds: z.array(z.number()), paidInvoiceIds: z.array(z.number()) }) },
});

export const listPayments = route({
  method: 'GET',
  url: '/programmes/:programmeId/payments',
  tags: ['payments'],
  summary: 'Payments recorded for invoices in the user’s scope',
  params: programmeParams,
  querystring: scopedQuery.extend({ orderId: recordIdParam.optional(), invoiceId: recordIdParam.optional() }),
  response: { 200: page(payment) },
});

export const paymentDelays = route({
  method: 'GET',
  url: '/programmes/:programmeId/payment-delays',
  tags: ['payments'],
  summary:
    'Payment delays per funder’s part of each invoice (a live payment-order line): days from the end of its period and from its order to the payment completing that part; a part unpaid on `asOf` (default today) is running, counted to that date',
  params: programmeParams,
  querystring: scopedQuery.extend({ period: planningPeriod.optional(), asOf: z.iso.date().optional() }),
  response: {
    200: page(delay).extend({
      paidParts: z.number(),
      averageDays: z.number().nullable(),
      maxDays: z.number().nullable(),
      averageOrderDays: z.number().nullable(),
      running: z.number(),
      maxRunningDays: z.number().nullable(),
    }),
  },
});

export const listArrears = route({
  method: 'GET',
  url: '/programmes/:programmeId/arrears',
  tags: ['payments'],
  summary: 'Arrears per funder and period: ordered minus paid as of a date, for periods ended by then, with days since each ended',
  params: programmeParams,
  querystring: scopedQuery.extend({ asOf: z.iso.date().optional() }),
  response: { 200: page(arrear).extend({ asOf: z.string() }) },
});
