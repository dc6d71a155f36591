import { sql } from 'drizzle-orm';
import { monthPeriod, parsePeriod, quarterPeriod } from "../../engine/model/period.js";
import { arrayParam, queryRows } from "../../store/sql.js";
import { versionByNumber } from "../programmes.js";
/** What a run warns of when its programme says nothing: an amount half as large again, or half gone. */
export const DEFAULT_MAX_CHANGE = 0.5;
/** At most this many warnings in an answer; `total` counts them all. */
export const WARNINGS_SHOWN = 1000;
/**
 * The facilities a committee should look at before approving: each invoice of the run (the
 * approved ones it kept count, at their amount) against the current invoice of the same unit
 * and payment for the previous period, when that one paid something. Computed when read, so
 * the comparison is with the previous period's invoices as they stand now; the share is the
 * run's programme version's `runWarnings.maxChange`.
 */
export async function amountWarnings(db, run) {
    const { program } = await versionByNumber(db, run.programmeId, run.programmeVersion);
    const maxChange = program.runWarnings?.maxChange ?? DEFAULT_MAX_CHANGE;
    const previousPeriod = previousOf(run.period);
    if (run.status !== 'completed')
        return { previousPeriod, maxChange, total: 0, items: [] };
    const kept = run.kept.map((invoice) => invoice.invoiceId);
    const warned = sql `
    with current as (select org_unit_id, payment, amount from invoices
                     where programme_id = ${run.programmeId} and (run_id = ${run.id} or id = any(${arrayParam(kept, 'int4')})))
    select c.org_unit_id, c.payment, p.amount::text as previous_amount, c.amount::text as amount,
           case when c.amount = 0 then 'zero' else 'moved' end as kind,
           round((c.amount - p.amount) / p.amount, 4)::text as change
    from current c
    join invoices p on p.programme_id = ${run.programmeId} and p.period = ${previousPeriod} and p.superseded_by is null
                   and p.org_unit_id = c.org_unit_id and p.payment = c.payment
    where p.amount > 0 and (c.amount = 0 or abs(c.amount - p.amount) > p.amount * ${String(maxChange)}::numeric)`;
    const [count] = await queryRows(db, sql `select count(*)::int as total from (${warned}) w`);
    const rows = await queryRows(db, sql `select * from (${warned}) w
        order by kind = 'moved', abs(change::numeric) desc, org_unit_id collate "C", payment collate "C" limit ${WARNINGS_SHOWN}`);
    return {
        previousPeriod,
        maxChange,
        total: count.total,
        items: rows.map((row) => ({ orgUnitId: row.org_unit_id, payment: row.payment, kind: row.kind, previousAmount: row.previous_amount, amount: row.amount, change: row.change })),
    };
}
/** The month before a month, the quarter before a quarter. */
function previousOf(period) {
    const parsed = parsePeriod(period);
    return parsed.type === 'quarter' ? quarterPeriod(parsed.firstMonth - 3).id : monthPeriod(parsed.firstMonth - 1).id;
}
//# sourceMappingURL=runWarnings.js.map