import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { invoices, paymentOrderLines, paymentOrders, payments } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { authorize, unitPath } from '../scope.ts';
import { presentOrder } from './presentOrder.ts';

export interface OrderDetailProps {
  readonly programmeId: string;
  readonly orderId: number;
  readonly limit: number;
  readonly offset: number;
}

/** One payment order the actor may read, with a page of its lines, what was paid on each and what is outstanding. */
export async function orderDetail(db: Db, actor: Actor, props: OrderDetailProps) {
  const { programmeId, orderId, limit, offset } = props;
  const [found] = await db.select().from(paymentOrders).where(and(eq(paymentOrders.programmeId, programmeId), eq(paymentOrders.id, orderId)));
  if (!found) throw errors.notFound(`payment order ${orderId}`);
  await authorize(db, actor, programmeId, 'read', found.orgUnitId);
  const where = and(eq(paymentOrderLines.programmeId, programmeId), eq(paymentOrderLines.orderId, orderId));
  const [[{ total } = { total: 0 }], lines, [onOrder], path] = await Promise.all([
    db.select({ total: count() }).from(paymentOrderLines).where(where),
    orderLines(db, where, limit, offset),
    db
      .select({ paid: sql<string>`coalesce(sum(${payments.amount}), 0)::numeric(20, 2)::text`, payments: sql<number>`count(*)::int` })
      .from(payments)
      .where(and(eq(payments.programmeId, programmeId), eq(payments.orderId, orderId))),
    unitPath(db, programmeId, found.orgUnitId),
  ]);
  return { ...presentOrder(actor, found, path, onOrder?.payments ?? 0), paid: onOrder?.paid ?? '0', lines: { items: lines, total, limit, offset } };
}

function orderLines(db: Db, where: ReturnType<typeof and>, limit: number, offset: number) {
  const paid = sql<string>`(select coalesce(sum(${payments.amount}), 0)::numeric(20, 2) from ${payments}
    where ${payments.programmeId} = ${paymentOrderLines.programmeId} and ${payments.orderId} = ${paymentOrderLines.orderId}
      and ${payments.invoiceId} = ${paymentOrderLines.invoiceId})`;
  return db
    .select({
      invoiceId: paymentOrderLines.invoiceId,
      orgUnitId: invoices.orgUnitId,
      payment: invoices.payment,
      amount: paymentOrderLines.amount,
      paid: sql<string>`${paid}::text`,
      outstanding: sql<string>`(${paymentOrderLines.amount} - ${paid})::text`,
    })
    .from(paymentOrderLines)
    .innerJoin(invoices, and(eq(invoices.programmeId, paymentOrderLines.programmeId), eq(invoices.id, paymentOrderLines.invoiceId)))
    .where(where)
    .orderBy(sql`${invoices.orgUnitId} collate "C"`, asc(invoices.payment), asc(paymentOrderLines.invoiceId))
    .limit(limit)
    .offset(offset);
}
