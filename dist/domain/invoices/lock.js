import { sql } from 'drizzle-orm';
/**
 * Serialises the transactions that change a programme's invoices (runs, approvals, orders,
 * payments): each then sees the others' committed results, never half of them.
 */
export async function lockInvoices(tx, programmeId) {
    await tx.execute(sql `select pg_advisory_xact_lock(hashtext(${`openpbf.invoices:${programmeId}`}))`);
}
//# sourceMappingURL=lock.js.map