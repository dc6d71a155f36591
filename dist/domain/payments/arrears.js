import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { periodEndSql } from "./reportSql.js";
/**
 * What each funder ordered and had not paid by `asOf`, per period that had ended by then,
 * for invoices of the given units.
 */
export async function arrears(db, filter) {
    // What was paid on each line is summed per line through the payments' invoice index,
    // which stays fast whatever the planner knows of the tables' sizes.
    const lines = sql `
    select l.funder_id, o.period, l.amount,
           (select coalesce(sum(p.amount), 0) from payments p
            where p.programme_id = l.programme_id and p.invoice_id = l.invoice_id and p.order_id = l.order_id and p.paid_on <= ${filter.asOf}::date) as paid
    from payment_order_lines l
    join payment_orders o on o.programme_id = l.programme_id and o.id = l.order_id
    join invoices i on i.programme_id = l.programme_id and i.id = l.invoice_id
    where l.programme_id = ${filter.programmeId} and not l.cancelled and i.org_unit_id = any(${arrayParam(filter.units, 'text')})
      and (${filter.funderId ?? null}::text is null or l.funder_id = ${filter.funderId ?? null})
      and ${periodEndSql(sql `o.period`)} <= ${filter.asOf}::date`;
    const rows = sql `
    select x.funder_id, f.name as funder_name, x.period,
           sum(x.amount)::text as ordered, sum(x.paid)::numeric(20, 2)::text as paid,
           (sum(x.amount) - sum(x.paid))::numeric(20, 2)::text as outstanding,
           (count(*) filter (where x.paid < x.amount))::int as lines_outstanding,
           ${periodEndSql(sql `x.period`)}::text as period_end,
           (${filter.asOf}::date - ${periodEndSql(sql `x.period`)})::int as days_overdue
    from (${lines}) x
    left join funders f on f.programme_id = ${filter.programmeId} and f.id = x.funder_id
    group by x.funder_id, f.name, x.period
    having sum(x.amount) > sum(x.paid)`;
    const [summary] = await queryRows(db, sql `select count(*)::int as total from (${rows}) a`);
    const items = await queryRows(db, sql `select * from (${rows}) a order by funder_id collate "C", period limit ${filter.limit} offset ${filter.offset}`);
    return {
        items: items.map((row) => ({
            funderId: row.funder_id,
            funderName: row.funder_name,
            period: row.period,
            ordered: row.ordered,
            paid: row.paid,
            outstanding: row.outstanding,
            linesOutstanding: row.lines_outstanding,
            periodEnd: row.period_end,
            daysOverdue: row.days_overdue,
        })),
        total: summary.total,
        limit: filter.limit,
        offset: filter.offset,
        asOf: filter.asOf,
    };
}
//# sourceMappingURL=arrears.js.map