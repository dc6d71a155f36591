import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { InvoiceStatus } from '../../contract/invoices.ts';
import type { Db } from '../../store/database.ts';
import { invoices } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { authorize, scopePaths, unitPath } from '../scope.ts';
import { currentInvoice } from './current.ts';
import { presentInvoice, type PresentedInvoice } from './presentInvoice.ts';
import { scopeUnitPaths } from './scopeUnits.ts';

export interface ListInvoicesProps {
  readonly programmeId: string;
  readonly orgUnitId?: string | undefined;
  readonly period?: string | undefined;
  readonly status?: InvoiceStatus | undefined;
  readonly runId?: number | undefined;
  readonly includeSuperseded: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** Invoices of the actor's subtrees (under `orgUnitId` when given), current ones unless asked otherwise, each with its policies. */
export async function listInvoices(db: Db, actor: Actor, props: ListInvoicesProps): Promise<{ items: PresentedInvoice[]; total: number }> {
  const { programmeId, orgUnitId, period, status, runId, includeSuperseded, limit, offset } = props;
  await authorize(db, actor, programmeId, 'read', orgUnitId);
  const path = orgUnitId === undefined ? undefined : await unitPath(db, programmeId, orgUnitId);
  const paths = await scopeUnitPaths(db, programmeId, scopePaths(actor, programmeId, 'read'), path);
  const where = and(
    eq(invoices.programmeId, programmeId),
    sql`${invoices.orgUnitId} = any(${arrayParam([...paths.keys()], 'text')})`,
    period === undefined ? undefined : eq(invoices.period, period),
    status === undefined ? undefined : eq(invoices.status, status),
    runId === undefined ? undefined : eq(invoices.runId, runId),
    // Rejected invoices are no longer current; asking for them lists them.
    includeSuperseded ? undefined : status === 'rejected' ? isNull(invoices.supersededBy) : currentInvoice,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(invoices).where(where);
  const rows = await db
    .select()
    .from(invoices)
    .where(where)
    .orderBy(asc(invoices.period), sql`${invoices.orgUnitId} collate "C"`, asc(invoices.payment), asc(invoices.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map((row) => presentInvoice(actor, { ...row, path: paths.get(row.orgUnitId)! })), total };
}
