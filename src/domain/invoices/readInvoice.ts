import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../store/database.ts';
import { invoices, orgUnits } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { allows } from '../scope.ts';

export type Invoice = typeof invoices.$inferSelect;

/** An invoice with its unit's path, which its policies read. */
export type PlacedInvoice = Invoice & { readonly path: string };

/** An invoice the actor may read (its unit is in one of their subtrees), or a 404 / 403 naming it. */
export async function readInvoice(db: Db | Tx, actor: Actor, programmeId: string, invoiceId: number): Promise<PlacedInvoice> {
  const [row] = await db
    .select({ invoice: invoices, path: orgUnits.path })
    .from(invoices)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
    .where(and(eq(invoices.programmeId, programmeId), eq(invoices.id, invoiceId)));
  if (!row) throw errors.notFound(`invoice ${invoiceId}`);
  if (!allows(actor, programmeId, 'read', row.path)) {
    throw errors.forbidden(`your roles do not allow 'read' on org unit '${row.invoice.orgUnitId}' (invoice ${invoiceId})`);
  }
  return { ...row.invoice, path: row.path };
}
