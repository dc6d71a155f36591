import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { invoices, payments } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { readScope } from './readScope.ts';

export interface ListPaymentsProps {
  readonly programmeId: string;
  readonly orgUnitId?: string | undefined;
  readonly orderId?: number | undefined;
  readonly invoiceId?: number | undefined;
  readonly funderId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Payments recorded for invoices of units the actor may read, in the order they were recorded. */
export async function listPayments(db: Db, actor: Actor, props: ListPaymentsProps) {
  const { programmeId, orderId, invoiceId, funderId, limit, offset } = props;
  const units = [...(await readScope(db, actor, programmeId, props.orgUnitId)).keys()];
  const joined = and(eq(invoices.programmeId, payments.programmeId), eq(invoices.id, payments.invoiceId));
  const where = and(
    eq(payments.programmeId, programmeId),
    sql`${invoices.orgUnitId} = any(${arrayParam(units, 'text')})`,
    orderId === undefined ? undefined : eq(payments.orderId, orderId),
    invoiceId === undefined ? undefined : eq(payments.invoiceId, invoiceId),
    funderId === undefined ? undefined : eq(payments.funderId, funderId),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(payments).innerJoin(invoices, joined).where(where);
  const rows = await db.select({ payment: payments }).from(payments).innerJoin(invoices, joined).where(where).orderBy(asc(payments.id)).limit(limit).offset(offset);
  return { items: rows.map(({ payment: { programmeId: _programme, ...rest } }) => rest), total };
}
