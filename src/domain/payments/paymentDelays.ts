import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { periodEndSql } from './reportSql.ts';

export interface DelayFilter {
  readonly programmeId: string;
  /** The units the actor may read, narrowed to a subtree when one is asked for. */
  readonly units: readonly string[];
  readonly period?: string;
  /** One funder's lines: the delay of its last payment completing its line. */
  readonly funderId?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface Delay {
  readonly invoiceId: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly payment: string;
  readonly amount: string;
  readonly periodEnd: string;
  readonly paidOn: string;
  readonly delayDays: number;
}

/**
 * Payment delay per paid invoice: days from the end of its period to the date of the last
 * payment that completed it (for one funder, the last payment completing that funder's line).
 */
export async function paymentDelays(db: Db, filter: DelayFilter) {
  const completed = filter.funderId === undefined
    ? sql`select i.id as invoice_id, max(p.paid_on) as paid_on from invoices i
          join payments p on p.programme_id = i.programme_id and p.invoice_id = i.id
          where i.programme_id = ${filter.programmeId} and i.status = 'paid' group by i.id`
    : sql`select l.invoice_id, max(p.paid_on) as paid_on from payment_order_lines l
          join payments p on p.programme_id = l.programme_id and p.order_id = l.order_id and p.invoice_id = l.invoice_id
          where l.programme_id = ${filter.programmeId} and l.funder_id = ${filter.funderId} and not l.cancelled
          group by l.order_id, l.invoice_id, l.amount having sum(p.amount) >= l.amount`;
  const rows = sql`
    select i.id as invoice_id, i.org_unit_id, i.period, i.payment, i.amount::text as amount,
           ${periodEndSql(sql`i.period`)}::text as period_end, c.paid_on::text as paid_on,
           (c.paid_on - ${periodEndSql(sql`i.period`)})::int as delay_days
    from (${completed}) c
    join invoices i on i.programme_id = ${filter.programmeId} and i.id = c.invoice_id
    where i.org_unit_id = any(${arrayParam(filter.units, 'text')}) and (${filter.period ?? null}::text is null or i.period = ${filter.period ?? null})`;
  const [summary] = await queryRows<{ total: number; average_days: string | null; max_days: number | null }>(
    db,
    sql`select count(*)::int as total, round(avg(delay_days), 1)::text as average_days, max(delay_days) as max_days from (${rows}) d`,
  );
  const items = await queryRows<{ invoice_id: number; org_unit_id: string; period: string; payment: string; amount: string; period_end: string; paid_on: string; delay_days: number }>(
    db,
    sql`select * from (${rows}) d order by period, org_unit_id collate "C", payment collate "C", invoice_id limit ${filter.limit} offset ${filter.offset}`,
  );
  return {
    items: items.map((row): Delay => ({
      invoiceId: row.invoice_id,
      orgUnitId: row.org_unit_id,
      period: row.period,
      payment: row.payment,
      amount: row.amount,
      periodEnd: row.period_end,
      paidOn: row.paid_on,
      delayDays: row.delay_days,
    })),
    total: summary!.total,
    limit: filter.limit,
    offset: filter.offset,
    averageDays: summary!.average_days === null ? null : Number(summary!.average_days),
    maxDays: summary!.max_days,
  };
}
