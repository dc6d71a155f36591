/**
 * The invoice and payment records the screens show, as the API contract declares them
 * (src/contract/api/{invoices,payments,funders}.ts): read off its schemas, never written here.
 * Amounts are decimal strings, never floats: they are formatted, not computed with.
 */
import type { z } from 'zod';
import type * as funders from '../../../src/contract/api/funders.ts';
import type * as invoices from '../../../src/contract/api/invoices.ts';
import type * as payments from '../../../src/contract/api/payments.ts';
import type { Answer, Body } from '../../../src/contract/http.ts';
import type { Wire } from '../../../src/contract/wire.ts';

type RecordOf<Schema extends z.ZodType> = Wire<z.output<Schema>>;

export type Invoice = RecordOf<typeof invoices.invoice>;
export type Invoices = Answer<typeof invoices.listInvoices>;
export type InvoiceDetail = Answer<typeof invoices.getInvoice>;
export type InvoicePenaltyLine = RecordOf<typeof invoices.penaltyLine>;
export type Adjustment = RecordOf<typeof invoices.adjustment>;
/** Corrected figures recorded after approval, as an adjustment line carries them. */
export type Correction = Adjustment['corrections'][number];
export type CorrectionListed = RecordOf<typeof invoices.correctionListed>;
export type Corrections = Answer<typeof invoices.listCorrections>;
/** What approving invoices answers: the ids approved. */
export type Approved = Answer<typeof invoices.approveInvoices>;
export type Provenance = Answer<typeof invoices.invoiceProvenance>;
export type Explanation = Wire<invoices.ExplanationNode>;

export type Funder = RecordOf<typeof funders.funder>;
export type Funders = Answer<typeof funders.listFunders>;
export type FunderShare = RecordOf<typeof funders.funderShare>;
export type FunderShares = Answer<typeof funders.listShares>;

export type PaymentOrder = RecordOf<typeof payments.paymentOrder>;
export type PaymentOrders = Answer<typeof payments.listOrders>;
export type OrderLine = RecordOf<typeof payments.orderLine>;
export type OrderDetail = Answer<typeof payments.getOrder>;
export type OrderAnswer = Answer<typeof payments.orderPayments>;
export type Payment = RecordOf<typeof payments.payment>;
export type Payments = Answer<typeof payments.listPayments>;
/** A payment as the payer records it against an order's line. */
export type NewPayment = Body<typeof payments.recordPayments>['payments'][number];
/** What recording payments answers: the payments' ids and the invoices they paid in full. */
export type Paid = Answer<typeof payments.recordPayments>;
export type Delay = RecordOf<typeof payments.delay>;
export type Delays = Answer<typeof payments.paymentDelays>;
export type Arrear = RecordOf<typeof payments.arrear>;
export type Arrears = Answer<typeof payments.listArrears>;
/** The previews a confirmation shows before money moves: approving invoices, or ordering them (with what the order leaves out). */
export type InvoicesParts = Answer<typeof invoices.invoiceFundersParts>;
export type OrderPreview = Answer<typeof payments.orderPreview>;
export type FundersParts = InvoicesParts | OrderPreview;
