import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { funderNames } from "./funderNames.js";
import { endMonth } from "./range.js";
/**
 * Ordered (payment-order lines) and paid (payments) per funder, by the period the money is
 * for: the invoices of the range's months and quarters, placed at the month they end in.
 * Both sums start from the invoices of the units and periods, through their index.
 */
export async function paymentsOverTime(db, filter) {
    const invoicesOf = sql `select id, period from invoices
    where programme_id = ${filter.programmeId} and org_unit_id = any(${arrayParam(filter.units, 'text')})
      and period = any(${arrayParam(filter.range.periods, 'text')})`;
    const rows = await queryRows(db, sql `
      with scoped as (${invoicesOf}),
      ordered as (
        select i.period, l.funder_id, sum(l.amount) as amount from scoped i
        join payment_order_lines l on l.programme_id = ${filter.programmeId} and l.invoice_id = i.id and not l.cancelled
        group by 1, 2),
      paid as (
        select i.period, p.funder_id, sum(p.amount) as amount from scoped i
        join payments p on p.programme_id = ${filter.programmeId} and p.invoice_id = i.id
        group by 1, 2)
      select coalesce(o.period, p.period) as period, coalesce(o.funder_id, p.funder_id) as funder_id,
             coalesce(o.amount, 0)::float8 as ordered, coalesce(p.amount, 0)::float8 as paid
      from ordered o full join paid p on p.period = o.period and p.funder_id = o.funder_id`);
    const names = await funderNames(db, filter.programmeId);
    const months = new Map();
    for (const row of rows) {
        const month = endMonth(row.period);
        const key = `${month}\u0000${row.funder_id}`;
        const point = months.get(key) ?? { month, funderId: row.funder_id, funderName: names.get(row.funder_id) ?? null, ordered: 0, paid: 0 };
        point.ordered += row.ordered;
        point.paid += row.paid;
        months.set(key, point);
    }
    const items = [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.funderId.localeCompare(b.funderId));
    return { items };
}
//# sourceMappingURL=paymentsOverTime.js.map