import type { Actor } from '../actor.ts';
import { invoicePolicies, type InvoicePolicies } from '../policies/invoice.ts';
import type { PlacedInvoice } from './readInvoice.ts';

/** An invoice as the API sends it: without its programme and path, with what the actor may do with it. */
export type PresentedInvoice = Omit<PlacedInvoice, 'programmeId' | 'path'> & { readonly policies: InvoicePolicies };

export function presentInvoice(actor: Actor, invoice: PlacedInvoice): PresentedInvoice {
  const { programmeId: _programme, path: _path, ...rest } = invoice;
  return { ...rest, policies: invoicePolicies(actor, invoice) };
}
