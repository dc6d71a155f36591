import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { periodEndSql } from "../payments/reportSql.js";
import { funderNames } from "./funderNames.js";
/**
 * Payment delays per funder over the order lines of the range's invoices: the median and
 * average days from the end of the invoiced period to the payment that completed the line,
 * and the share of lines paid late or still unpaid past `lateAfterDays`.
 */
export async function delaysByFunder(db, filter) {
    const { programmeId, lateAfterDays: late, asOf } = filter;
    const lines = sql `
    select l.funder_id, l.amount, ${periodEndSql(sql `i.period`)} as period_end, pay.paid, pay.last_paid
    from invoices i
    join payment_order_lines l on l.programme_id = i.programme_id and l.invoice_id = i.id and not l.cancelled
    cross join lateral (
      select coalesce(sum(p.amount), 0) as paid, max(p.paid_on) as last_paid from payments p
      where p.programme_id = l.programme_id and p.invoice_id = l.invoice_id and p.order_id = l.order_id and p.paid_on <= ${asOf}::date
    ) pay
    where i.programme_id = ${programmeId} and i.org_unit_id = any(${arrayParam(filter.units, 'text')})
      and i.period = any(${arrayParam(filter.range.periods, 'text')})`;
    const rows = await queryRows(db, sql `
      select funder_id, count(*)::int as lines, count(*) filter (where done)::int as paid_lines,
             (percentile_cont(0.5) within group (order by days) filter (where done))::float8 as median_days,
             (round(avg(days) filter (where done), 1))::float8 as average_days,
             count(*) filter (where done and days > ${late} or not done and open_days > ${late})::int as late_lines,
             count(*) filter (where done or open_days > ${late})::int as known_lines
      from (
        select funder_id, paid >= amount as done, (last_paid - period_end) as days, (${asOf}::date - period_end) as open_days
        from (${lines}) x
      ) d
      group by funder_id order by funder_id collate "C"`);
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
//# sourceMappingURL=delaysByFunder.js.map