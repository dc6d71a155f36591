import { sql } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import { periodEndSql } from '../payments/reportSql.ts';
import { funderNames } from './funderNames.ts';
import type { MoneyFilter } from './paymentsOverTime.ts';

export interface DelayFilter extends MoneyFilter {
  /** A line paid, or still open, more than this many days after its period ended is late. */
  readonly lateAfterDays: number;
  /** The date delays are measured at (ISO): payments after it are not counted yet. */
  readonly asOf: string;
}

export interface FunderDelay {
  readonly funderId: string;
  readonly funderName: string | null;
  /** Order lines of the range's invoices. */
  readonly lines: number;
  readonly paidLines: number;
  /** Days from the end of the period to the payment completing a line, over the paid lines. */
  readonly medianDays: number | null;
  readonly averageDays: number | null;
  /** Lines paid late, plus lines still open past the limit. */
  readonly lateLines: number;
  /** Late lines over the lines whose fate is known: paid, or open past the limit. */
  readonly lateShare: number | null;
}

/**
 * Payment delays per funder over the order lines of the range's invoices: the median and
 * average days from the end of the invoiced period to the payment that completed the line,
 * and the share of lines paid late or still unpaid past `lateAfterDays`.
 */
export async function delaysByFunder(db: Db, filter: DelayFilter): Promise<{ items: FunderDelay[] }> {
  const { programmeId, lateAfterDays: late, asOf } = filter;
  const lines = sql`
    select l.funder_id, l.amount, ${periodEndSql(sql`i.period`)} as period_end, pay.paid, pay.last_paid
    from invoices i
    join payment_order_lines l on l.programme_id = i.programme_id and l.invoice_id = i.id and not l.cancelled
    cross join lateral (
      select coalesce(sum(p.amount), 0) as paid, max(p.paid_on) as last_paid from payments p
      where p.programme_id = l.programme_id and p.invoice_id = l.invoice_id and p.order_id = l.order_id and p.paid_on <= ${asOf}::date
    ) pay
    where i.programme_id = ${programmeId} and i.org_unit_id = any(${arrayParam(filter.units, 'text')})
      and i.period = any(${arrayParam(filter.range.periods, 'text')})`;
  const rows = await queryRows<{
    funder_id: string;
    lines: number;
    paid_lines: number;
    median_days: number | null;
    average_days: number | null;
    late_lines: number;
    known_lines: number;
  }>(
    db,
    sql`
      select funder_id, count(*)::int as lines, count(*) filter (where done)::int as paid_lines,
             (percentile_cont(0.5) within group (order by days) filter (where done))::float8 as median_days,
             (round(avg(days) filter (where done), 1))::float8 as average_days,
             count(*) filter (where done and days > ${late} or not done and open_days > ${late})::int as late_lines,
             count(*) filter (where done or open_days > ${late})::int as known_lines
      from (
        select funder_id, paid >= amount as done, (last_paid - period_end) as days, (${asOf}::date - period_end) as open_days
        from (${lines}) x
      ) d
      group by funder_id order by funder_id collate "C"`,
  );
  const names = await funderNames(db, programmeId);
  return {
    items: rows.map((row) => ({
      funderId: row.funder_id,
      funderName: names.get(row.funder_id) ?? null,
      lines: row.lines,
      paidLines: row.paid_lines,
      medianDays: row.median_days,
      averageDays: row.average_days,
      lateLines: row.late_lines,
      lateShare: row.known_lines === 0 ? null : row.late_lines / row.known_lines,
    })),
  };
}
