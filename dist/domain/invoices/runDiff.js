import { sql } from 'drizzle-orm';
import { arrayParam, queryRows } from "../../store/sql.js";
import { latestRun } from "./readRun.js";
/**
 * What a run changed against the previous completed run of the same scope, per unit and
 * payment. A run's amounts include the approved invoices it kept, which stay as they were.
 */
export async function runDiff(db, run, page) {
    const previous = await latestRun(db, { programmeId: run.programmeId, rootOrgUnitId: run.rootOrgUnitId, period: run.period }, { completedOnly: true, beforeId: run.id });
    const kept = run.kept.map((invoice) => invoice.invoiceId);
    const lines = sql `
    with new as (select org_unit_id, payment, amount from invoices
                 where programme_id = ${run.programmeId} and (run_id = ${run.id} or id = any(${arrayParam(kept, 'int4')}))),
         old as (select org_unit_id, payment, amount from invoices where programme_id = ${run.programmeId} and run_id = ${previous?.id ?? -1})
    select coalesce(n.org_unit_id, o.org_unit_id) as org_unit_id, coalesce(n.payment, o.payment) as payment,
           o.amount as old_amount, n.amount as new_amount, coalesce(n.amount, 0) - coalesce(o.amount, 0) as delta
    from new n full join old o on n.org_unit_id = o.org_unit_id and n.payment = o.payment`;
    const [summary] = await queryRows(db, sql `select count(*)::int as line_count, (count(*) filter (where old_amount is distinct from new_amount))::int as changed_count,
               coalesce(sum(old_amount), 0)::numeric(20, 2)::text as old_total, coalesce(sum(new_amount), 0)::numeric(20, 2)::text as new_total
        from (${lines}) d`);
    const rows = await queryRows(db, sql `select * from (${lines}) d
        where ${!page.changedOnly} or old_amount is distinct from new_amount
        order by org_unit_id collate "C", payment collate "C" limit ${page.limit} offset ${page.offset}`);
    return {
        previousRunId: previous?.id ?? null,
        lineCount: summary.line_count,
        changedCount: summary.changed_count,
        oldTotal: summary.old_total,
        newTotal: summary.new_total,
        lines: {
            items: rows.map((row) => ({ orgUnitId: row.org_unit_id, payment: row.payment, oldAmount: row.old_amount, newAmount: row.new_amount, delta: row.delta })),
            total: page.changedOnly ? summary.changed_count : summary.line_count,
            limit: page.limit,
            offset: page.offset,
        },
    };
}
//# sourceMappingURL=runDiff.js.map