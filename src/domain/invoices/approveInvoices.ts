import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ApprovalRefusal } from '../../contract/invoices.ts';
import type { Tx } from '../../store/database.ts';
import { invoices, orgUnits } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { AppError, errors } from '../errors.ts';
import { approvalRefusal } from '../policies/invoice.ts';
import { advanceStatus } from './advanceStatus.ts';
import { invoiceGates } from './invoiceGates.ts';
import { lockInvoices } from './lock.ts';

export interface ApproveInvoicesProps {
  readonly programmeId: string;
  readonly invoiceIds: readonly number[];
  readonly reason?: string;
}

type Found = typeof invoices.$inferSelect & { path: string };

/**
 * Approves prepared invoices, all or none, each as the invoice policy decides: the committee
 * member who started the run that prepared an invoice may not approve it (four eyes).
 */
export async function approveInvoices(tx: Tx, actor: Actor, props: ApproveInvoicesProps): Promise<{ approved: number[] }> {
  const { programmeId, invoiceIds } = props;
  await lockInvoices(tx, programmeId);
  const rows = await tx
    .select({ invoice: invoices, path: orgUnits.path })
    .from(invoices)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
    .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, [...invoiceIds])));
  const byId = new Map(rows.map((row): [number, Found] => [row.invoice.id, { ...row.invoice, path: row.path }]));
  const problems = invoiceIds.map((id, i) => refusal(actor, id, `invoiceIds[${i}]`, byId.get(id))).filter((p) => p !== undefined);
  if (problems.length > 0) throw firstRefusal(problems);
  const found = invoiceIds.map((id) => byId.get(id)!);
  const ids = [...new Set(invoiceIds)];
  await tx
    .update(invoices)
    .set({ status: 'approved', approvedBy: actor.userId, approvedAt: sql`now()` })
    .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, ids)));
  await advanceStatus(tx, actor.userId, programmeId, await invoiceGates(tx, programmeId, found), 'approved');
  await recordAudit(
    tx,
    ids.map((id) => ({
      programmeId,
      userId: actor.userId,
      action: 'approve',
      entity: 'invoice',
      entityKey: String(id),
      orgUnitId: byId.get(id)!.orgUnitId,
      oldValue: { status: 'prepared' },
      newValue: { status: 'approved', amount: byId.get(id)!.amount },
      ...(props.reason ? { reason: props.reason } : {}),
    })),
  );
  return { approved: ids };
}

interface Refusal {
  readonly error: AppError;
  readonly at: string;
}

function refusal(actor: Actor, id: number, at: string, invoice: Found | undefined): Refusal | undefined {
  if (!invoice) return { at, error: errors.notFound(`${at}: invoice ${id}`) };
  const why = approvalRefusal(actor, invoice);
  if (why === null) return undefined;
  return { at, error: REFUSALS[why](at, invoice) };
}

/** The answer for each reason the invoice policy gives (src/domain/policies/invoice.ts). */
const REFUSALS: Record<ApprovalRefusal, (at: string, invoice: Found) => AppError> = {
  notAllowed: (at, invoice) => errors.forbidden(`${at}: your roles do not allow 'invoice.approve' on org unit '${invoice.orgUnitId}' (invoice ${invoice.id})`),
  preparedByYou: (at, invoice) =>
    errors.forbidden(`${at}: invoice ${invoice.id} was prepared by you (invoice run ${invoice.runId}); another member of the committee must approve it`),
  replaced: (at, invoice) => errors.invalidState(`${at}: invoice ${invoice.id} was replaced by invoice run ${invoice.supersededBy}; approve the current invoice`),
  notPrepared: (at, invoice) => errors.invalidState(`${at}: invoice ${invoice.id} is already ${invoice.status}`),
};

/** The most basic refusal first (missing, then forbidden, then state), with every refusal in the details. */
function firstRefusal(problems: readonly Refusal[]): AppError {
  const first = [...problems].sort((a, b) => rank(a.error) - rank(b.error))[0]!.error;
  return new AppError(first.status, first.code, first.message, problems.map((p) => ({ at: p.at, code: p.error.code, message: p.error.message })));
}

const rank = (error: AppError) => ({ 404: 0, 403: 1 })[error.status as 404 | 403] ?? 2;
