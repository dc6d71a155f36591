import { and, isNull, sql } from 'drizzle-orm';
import { invoices } from "../../store/schema.js";
/**
 * An invoice stands while no later run replaced it and the approver did not reject it: one
 * current invoice per unit, period and payment (the `invoices_current` index).
 */
export const currentInvoice = and(isNull(invoices.supersededBy), isNull(invoices.rejectedAt));
/** The same, in raw SQL over `invoices i`. */
export const CURRENT_INVOICE = sql `i.superseded_by is null and i.rejected_at is null`;
//# sourceMappingURL=current.js.map