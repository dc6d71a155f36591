import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { periodEndSql } from "./reportSql.js";
/**
 * Payment delay per paid invoice: days from the end of its period to the date of the last
 * payment that completed it (for one funder, the last payment completing that funder's line).
 */
export async function paymentDelays(db, filter) {
    const completed = filter.funderId === undefined
        ? sql `select i.id as invoice_id, max(p.paid_on) as paid_on from invoices i
          join payments p on p.programme_id = i.programme_id and p.invoice_id = i.id
          where i.programme_id = ${filter.programmeId} and i.status = 'paid' group by i.id`
        : sql `select l.invoice_id, max(p.paid_on) as paid_on from payment_order_lines l
          join payments p on p.programme_id = l.programme_id and p.order_id = l.order_id and p.invoice_id = l.invoice_id
          where l.programme_id = ${filter.programmeId} and l.funder_id = ${filter.funderId} and not l.cancelled
          group by l.order_id, l.invoice_id, l.amount having sum(p.amount) >= l.amount`;
    const rows = sql `
    select i.id as invoice_id, i.org_unit_id, i.period, i.payment, i.amount::text as amount,
           ${periodEndSql(sql `i.period`)}::text as period_end, c.paid_on::text as paid_on,
           (c.paid_on - ${periodEndSql(sql `i.period`)})::int as delay_days
    from (${completed}) c
    join invoices i on i.programme_id = ${filter.programmeId} and i.id = c.invoice_id
    where i.org_unit_id = any(${arrayParam(filter.units, 'text')}) and (${filter.period ?? null}::text is null or i.period = ${filter.period ?? null})`;
    const [summary] = await queryRows(db, sql `select count(*)::int as total, round(avg(delay_days), 1)::text as average_days, max(delay_days) as max_days from (${rows}) d`);
    const items = await queryRows(db, sql `select * from (${rows}) d order by period, org_unit_id collate "C", payment collate "C", invoice_id limit ${filter.limit} offset ${filter.offset}`);
    return {
        items: items.map((row) => ({
            invoiceId: row.invoice_id,
            orgUnitId: row.org_unit_id,
            period: row.period,
            payment: row.payment,
            amount: row.amount,
            periodEnd: row.period_end,
            paidOn: row.paid_on,
            delayDays: row.delay_days,
        })),
        total: summary.total,
        limit: filter.limit,
        offset: filter.offset,
        averageDays: summary.average_days === null ? null : Number(summary.average_days),
        maxDays: summary.max_days,
    };
}
//# sourceMappingURL=paymentDelays.js.map