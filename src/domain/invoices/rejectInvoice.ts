import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { invoices, orgUnits } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { rejectionRefusal } from '../policies/invoice.ts';
import { invoiceGates } from './invoiceGates.ts';
import { lockInvoices } from './lock.ts';
import { stepBackGates } from './stepBack.ts';

export interface RejectInvoiceProps {
  readonly programmeId: string;
  readonly invoiceId: number;
  readonly reason: string;
}

/**
 * Rejects a prepared invoice, with a reason: it stays, `rejected`, and is no longer current.
 * The package periods it paid go back to validated, unless another current invoice still
 * reads them (a quarterly bonus reading the month), so the committee can unlock them,
 * correct the values and run the period again. Approved, ordered and paid invoices are never
 * rejected: a correction after approval is an adjustment on a later invoice.
 */
export async function rejectInvoice(tx: Tx, actor: Actor, props: RejectInvoiceProps): Promise<{ invoiceId: number; status: 'rejected'; periodsReopened: number }> {
  const { programmeId, invoiceId } = props;
  const reason = props.reason.trim();
  if (!reason) throw errors.validation(`reason: give a reason to reject invoice ${invoiceId}`, [{ at: 'reason' }]);
  await lockInvoices(tx, programmeId);
  const [found] = await tx
    .select({ invoice: invoices, path: orgUnits.path })
    .from(invoices)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
    .where(and(eq(invoices.programmeId, programmeId), eq(invoices.id, invoiceId)));
  if (!found) throw errors.notFound(`invoice ${invoiceId}`);
  const { invoice } = found;
  const why = rejectionRefusal(actor, { ...invoice, path: found.path });
  if (why === 'notAllowed') throw errors.forbidden(`your roles do not allow 'invoice.approve' on org unit '${invoice.orgUnitId}' (invoice ${invoiceId})`);
  if (why === 'replaced') throw errors.invalidState(`invoice ${invoiceId} was replaced by invoice run ${invoice.supersededBy}; reject the current invoice`);
  if (why === 'notPrepared') {
    const after = invoice.status === 'rejected' ? '' : '; a correction after approval is an adjustment on a later invoice';
    throw errors.invalidState(`invoice ${invoiceId} is ${invoice.status}: only a prepared invoice can be rejected${after}`, { status: invoice.status });
  }
  await tx
    .update(invoices)
    .set({ status: 'rejected', rejectedBy: actor.userId, rejectedAt: sql`now()`, rejectionReason: reason })
    .where(and(eq(invoices.programmeId, programmeId), eq(invoices.id, invoiceId)));
  const gates = await invoiceGates(tx, programmeId, [invoice]);
  const reopened = await stepBackGates(tx, actor.userId, programmeId, gates, { from: 'invoiced', to: 'validated', keptBy: ['prepared', 'approved', 'ordered', 'paid'] });
  await recordAudit(tx, {
    programmeId,
    userId: actor.userId,
    action: 'reject',
    entity: 'invoice',
    entityKey: String(invoiceId),
    orgUnitId: invoice.orgUnitId,
    oldValue: { status: 'prepared', amount: invoice.amount },
    newValue: { status: 'rejected', periodsReopened: reopened },
    reason,
  });
  return { invoiceId, status: 'rejected', periodsReopened: reopened };
}
