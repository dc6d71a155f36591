import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { invoiceRunValues } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { invoiceLines } from '../adjustments/invoiceLines.ts';
import { invoicePenalties } from './invoicePenalties.ts';
import { presentInvoice } from './presentInvoice.ts';
import { readInvoice } from './readInvoice.ts';

/** One invoice the actor may read, with every value its run computed for its unit, its penalties and its adjustment lines. */
export async function invoiceDetail(db: Db, actor: Actor, programmeId: string, invoiceId: number) {
  const found = await readInvoice(db, actor, programmeId, invoiceId);
  const [values, penalties, lines] = await Promise.all([
    db
      .select({ period: invoiceRunValues.period, name: invoiceRunValues.name, value: invoiceRunValues.value })
      .from(invoiceRunValues)
      .where(and(eq(invoiceRunValues.programmeId, programmeId), eq(invoiceRunValues.runId, found.runId), eq(invoiceRunValues.orgUnitId, found.orgUnitId)))
      .orderBy(asc(invoiceRunValues.period), sql`${invoiceRunValues.name} collate "C"`),
    invoicePenalties(db, found),
    invoiceLines(db, found),
  ]);
  return { ...presentInvoice(actor, found), values, penalties, ...lines };
}
