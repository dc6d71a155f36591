import { sql } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';

/**
 * Serialises the transactions that change a programme's invoices (runs, approvals, orders,
 * payments): each then sees the others' committed results, never half of them.
 */
export async function lockInvoices(tx: Tx, programmeId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`openpbf.invoices:${programmeId}`}))`);
}
