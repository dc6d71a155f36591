import { and, eq } from 'drizzle-orm';
import { invoices, orgUnits } from "../../store/schema.js";
import { errors } from "../errors.js";
import { allows } from "../scope.js";
/** An invoice the actor may read (its unit is in one of their subtrees), or a 404 / 403 naming it. */
export async function readInvoice(db, actor, programmeId, invoiceId) {
    const [row] = await db
        .select({ invoice: invoices, path: orgUnits.path })
        .from(invoices)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
        .where(and(eq(invoices.programmeId, programmeId), eq(invoices.id, invoiceId)));
    if (!row)
        throw errors.notFound(`invoice ${invoiceId}`);
    if (!allows(actor, programmeId, 'read', row.path)) {
        throw errors.forbidden(`your roles do not allow 'read' on org unit '${row.invoice.orgUnitId}' (invoice ${invoiceId})`);
    }
    return row.invoice;
}
//# sourceMappingURL=readInvoice.js.map