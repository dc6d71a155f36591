/**
 * The invoice and payment records the screens show, as the API contract declares them
 * (src/contract/api/{invoices,payments,funders}.ts): read off its schemas, never written here.
 * Amounts are decimal strings, never floats: they are formatted, not computed with.
 */
import type { z } from 'zod';
import type * as funders from '../../../src/contract/api/funders.ts';
import type * as invoices from '../../../src/contract/api/invoices.ts';
import type * as payments from '../../../src/contract/api/payments.ts';
import type { Answer } from '../../../src/contract/http.ts';
import type { Wire } from '../../../src/contract/wire.ts';

type RecordOf<Schema extends z.ZodType> = Wire<z.output<Schema>>;

export type Invoice = RecordOf<typeof invoices.invoice>;
export type InvoiceDetail = Answer<typeof invoices.getInvoice>;
export type InvoicePenaltyLine = RecordOf<typeof invoices.penaltyLine>;
export type Adjustment = RecordOf<typeof invoices.adjustment>;
/** Corrected figures recorded after approval, as an adjustment line carries them. */
export type Correction = Adjustment['corrections'][number];
export type CorrectionListed = RecordOf<typeof invoices.correctionListed>;
export type Provenance = Answer<typeof invoices.invoiceProvenance>;
export type Explanation = Wire<invoices.ExplanationNode>;

export type Funder = RecordOf<typeof funders.funder>;
export type FunderShare = RecordOf<typeof funders.funderShare>;

export type PaymentOrder = RecordOf<typeof payments.paymentOrder>;
export type OrderLine = RecordOf<typeof payments.orderLine>;
export type OrderDetail = Answer<typeof payments.getOrder>;
export type OrderAnswer = Answer<typeof payments.orderPayments>;
export type Payment = RecordOf<typeof payments.payment>;
export type Delay = RecordOf<typeof payments.delay>;
export type Delays = Answer<typeof payments.paymentDelays>;
export type Arrear = RecordOf<typeof payments.arrear>;
export type Arrears = Answer<typeof payments.listArrears>;
