import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { paymentOrders, payments } from '../../store/schema.ts';
import { arrayParam } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { presentOrder, type PresentedOrder } from './presentOrder.ts';
import { readScope } from './readScope.ts';

export interface ListOrdersProps {
  readonly programmeId: string;
  readonly orgUnitId?: string | undefined;
  readonly period?: string | undefined;
  readonly funderId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Payment orders of subtrees the actor may read, newest first, each with its policies. */
export async function listOrders(db: Db, actor: Actor, props: ListOrdersProps): Promise<{ items: PresentedOrder[]; total: number }> {
  const { programmeId, period, funderId, limit, offset } = props;
  const paths = await readScope(db, actor, programmeId, props.orgUnitId);
  const where = and(
    eq(paymentOrders.programmeId, programmeId),
    sql`${paymentOrders.orgUnitId} = any(${arrayParam([...paths.keys()], 'text')})`,
    period === undefined ? undefined : eq(paymentOrders.period, period),
    funderId === undefined ? undefined : eq(paymentOrders.funderId, funderId),
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(paymentOrders).where(where);
  const recorded = sql<number>`(select count(*)::int from ${payments} where ${payments.programmeId} = ${paymentOrders.programmeId} and ${payments.orderId} = ${paymentOrders.id})`;
  const rows = await db.select({ order: paymentOrders, payments: recorded }).from(paymentOrders).where(where).orderBy(desc(paymentOrders.id)).limit(limit).offset(offset);
  return { items: rows.map((row) => presentOrder(actor, row.order, paths.get(row.order.orgUnitId)!, row.payments)), total };
}
