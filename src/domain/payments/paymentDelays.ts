import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { periodEndSql } from './reportSql.ts';

export interface DelayFilter {
  readonly programmeId: string;
  /** The units the actor may read, narrowed to a subtree when one is asked for. */
  readonly units: readonly string[];
  readonly period?: string | undefined;
  /** One funder's parts only. */
  readonly funderId?: string | undefined;
  /** The date delays are measured at (ISO): a part unpaid then is running, its days counted to this date. */
  readonly asOf: string;
  readonly limit: number;
  readonly offset: number;
}

/** One funder's part of an invoice (a live payment-order line) and how long its payment took, or is taking. */
export interface Delay {
  readonly invoiceId: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly funderId: string;
  readonly orderId: number;
  /** The funder's part, and what was paid on it by `asOf`. */
  readonly amount: string;
  readonly paid: string;
  readonly periodEnd: string;
  readonly orderedOn: string;
  /** The payment that completed the part; null while it is running. */
  readonly paidOn: string | null;
  /** Days from the end of the period to the payment completing the part (to `asOf` while running): the facility's wait. */
  readonly delayDays: number;
  /** Days from the payment order to that payment (to `asOf` while running): the funder's own delay. */
  readonly orderDays: number;
}

/**
 * Payment delays per funder's part, each counted when that part is paid, whatever the other
 * funders did: from the end of the invoiced period (what the facility waits, what the
 * programme promises) and from the payment order (what the funder itself takes). A part not
 * fully paid by `asOf` is a running delay, its days counted to that date.
 */
export async function paymentDelays(db: Db, filter: DelayFilter) {
  const { programmeId, asOf } = filter;
  const parts = sql`
    select l.invoice_id, l.order_id, l.funder_id, l.amount, i.org_unit_id, i.period, i.payment,
           ${periodEndSql(sql`i.period`)} as period_end, o.created_at::date as ordered_on, pay.paid, pay.last_paid
    from payment_order_lines l
    join payment_orders o on o.programme_id = l.programme_id and o.id = l.order_id
    join invoices i on i.programme_id = l.programme_id and i.id = l.invoice_id
    cross join lateral (
      select coalesce(sum(p.amount), 0) as paid, max(p.paid_on) as last_paid from payments p
      where p.programme_id = l.programme_id and p.order_id = l.order_id and p.invoice_id = l.invoice_id and p.paid_on <= ${asOf}::date
    ) pay
    where l.programme_id = ${programmeId} and not l.cancelled
      and i.org_unit_id = any(${arrayParam(filter.units, 'text')})
      and (${filter.period ?? null}::text is null or i.period = ${filter.period ?? null})
      and (${filter.funderId ?? null}::text is null or l.funder_id = ${filter.funderId ?? null})`;
  const rows = sql`
    select *, case when done then last_paid end as paid_on,
           ((case when done then last_paid else ${asOf}::date end) - period_end)::int as delay_days,
           greatest((case when done then last_paid else ${asOf}::date end) - ordered_on, 0)::int as order_days
    from (select *, paid >= amount as done from (${parts}) x) d`;
  const [summary] = await queryRows<{ total: number; paid_parts: number; average_days: string | null; max_days: number | null; average_order_days: string | null; running: number; max_running_days: number | null }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where done)::int as paid_parts,
               round(avg(delay_days) filter (where done), 1)::text as average_days, max(delay_days) filter (where done) as max_days,
               round(avg(order_days) filter (where done), 1)::text as average_order_days,
               count(*) filter (where not done)::int as running, max(delay_days) filter (where not done) as max_running_days
        from (${rows}) r`,
  );
  const items = await queryRows<{
    invoice_id: number; org_unit_id: string; period: string; payment: string; funder_id: string; order_id: number; amount: string; paid: string;
    period_end: string; ordered_on: string; paid_on: string | null; delay_days: number; order_days: number;
  }>(
    db,
    sql`select invoice_id, org_unit_id, period, payment, funder_id, order_id, amount::text as amount, paid::numeric(18, 2)::text as paid, period_end::text as period_end,
               ordered_on::text as ordered_on, paid_on::text as paid_on, delay_days, order_days
        from (${rows}) r
        order by period, org_unit_id collate "C", payment collate "C", invoice_id, funder_id collate "C" limit ${filter.limit} offset ${filter.offset}`,
  );
  const days = (value: string | null) => (value === null ? null : Number(value));
  return {
    items: items.map((row): Delay => ({
      invoiceId: row.invoice_id,
      orgUnitId: row.org_unit_id,
      period: row.period,
      payment: row.payment,
      funderId: row.funder_id,
      orderId: row.order_id,
      amount: row.amount,
      paid: row.paid,
      periodEnd: row.period_end,
      orderedOn: row.ordered_on,
      paidOn: row.paid_on,
      delayDays: row.delay_days,
      orderDays: row.order_days,
    })),
    total: summary!.total,
    limit: filter.limit,
    offset: filter.offset,
    paidParts: summary!.paid_parts,
    averageDays: days(summary!.average_days),
    maxDays: summary!.max_days,
    averageOrderDays: days(summary!.average_order_days),
    running: summary!.running,
    maxRunningDays: summary!.max_running_days,
  };
}
