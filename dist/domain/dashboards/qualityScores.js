import { sql } from 'drizzle-orm';
import { CURRENT_INVOICE } from "../invoices/current.js";
import { arrayParam } from "../../store/sql.js";
/**
 * One quality score per facility and quarter, as a subquery of (org_unit_id, period, score):
 * the value of a package's `score` formula computed by the invoice run behind the facility's
 * current invoice of that quarter — the score that set its quality bonus. Every join is on
 * an index: invoices by (unit, period), run values by (run, unit) — the few dozen values of a
 * unit in a run lie together, and the period and name are filtered among them.
 */
export function qualityScoresSql(filter) {
    const units = filter.units === undefined ? sql `true` : sql `i.org_unit_id = any(${arrayParam(filter.units, 'text')})`;
    const published = filter.publishedOnly ? sql `and i.status in ('approved', 'ordered', 'paid')` : sql ``;
    return sql `
    select distinct on (i.org_unit_id, i.period) i.org_unit_id, i.period, v.value as score
    from invoices i
    join invoice_run_values v
      on v.programme_id = i.programme_id and v.run_id = i.run_id and v.org_unit_id = i.org_unit_id and v.period = i.period
     and v.name = any(${arrayParam(filter.scoreNames, 'text')})
    where i.programme_id = ${filter.programmeId} and ${CURRENT_INVOICE}
      and i.period = any(${arrayParam(filter.quarters, 'text')}) and ${units} ${published}
      and v.value is not null
    order by i.org_unit_id, i.period, i.run_id desc, v.name`;
}
//# sourceMappingURL=qualityScores.js.map