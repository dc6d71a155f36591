import type { Draft, DraftPayment, GroupFilter } from '../draft.ts';
import { takenCodes } from './packages.ts';
import { removeAt, replaceAt, unusedName, withOptional, withText } from './records.ts';

/** Payments: what each facility is owed, read from the formulas of the packages they list. */

function withPayment(draft: Draft, index: number, update: (payment: DraftPayment) => DraftPayment): Draft {
  return { ...draft, payments: replaceAt(draft.payments, index, update) };
}

/**
 * Appends a monthly payment named `new_payment` (or `_2`…) reading no package yet, with an
 * empty `to_pay` chosen as its amount: the formula whose value is paid. Both are for the
 * designer to fill, and the check says so until they are.
 */
export function addPayment(draft: Draft): { draft: Draft; index: number } {
  const added: DraftPayment = {
    code: unusedName('new_payment', takenCodes(draft)),
    frequency: 'monthly',
    packages: [],
    formulas: { to_pay: '' },
    amount: 'to_pay',
  };
  return { draft: { ...draft, payments: [...draft.payments, added] }, index: draft.payments.length };
}

export function removePayment(draft: Draft, index: number): Draft {
  return { ...draft, payments: removeAt(draft.payments, index) };
}

export function setPaymentName(draft: Draft, index: number, text: string): Draft {
  return withPayment(draft, index, (payment) => withText(payment, 'name', text));
}

export function setPaymentFrequency(draft: Draft, index: number, frequency: string): Draft {
  return withPayment(draft, index, (payment) => ({ ...payment, frequency }));
}

/** Which of its formulas the payment pays; the check refuses a name that is not one of them. */
export function setPaymentAmount(draft: Draft, index: number, formula: string): Draft {
  return withPayment(draft, index, (payment) => ({ ...payment, amount: formula }));
}

export function setPaymentFilter(draft: Draft, index: number, filter: GroupFilter | undefined): Draft {
  return withPayment(draft, index, (payment) => withOptional(payment, 'appliesTo', filter));
}

/**
 * Adds or removes a package from those a payment reads, keeping them in the programme's
 * order (a code the programme no longer has stays until unticked).
 */
export function setPaymentReads(draft: Draft, index: number, code: string, reads: boolean): Draft {
  return withPayment(draft, index, (payment) => {
    const others = payment.packages.filter((candidate) => candidate !== code);
    if (!reads) return { ...payment, packages: others };
    const order = draft.packages.map((pkg) => pkg.code);
    const rank = (candidate: string) => (order.includes(candidate) ? order.indexOf(candidate) : order.length);
    return { ...payment, packages: [...others, code].sort((a, b) => rank(a) - rank(b)) };
  });
}

/** A new code for a payment the saved versions do not know (invoices refer to saved codes). */
export function renamePaymentCode(draft: Draft, index: number, next: string): Draft {
  return withPayment(draft, index, (payment) => (payment.code === next ? payment : { ...payment, code: next }));
}
